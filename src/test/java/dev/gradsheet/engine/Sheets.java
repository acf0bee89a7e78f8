package dev.gradsheet.engine;

import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;

/** Test helper: a sheet from .sheet text. */
final class Sheets {
    static final String WORKED = """
            x = input(-2)
            y = input(5)
            z = weight(-4)
            q = x + y
            f = q * z
            t = input(-10)
            L = mse(f, t)
            """;

    private Sheets() {
    }

    static Sheet of(String text) {
        try {
            return SheetFile.parse(text, "test.sheet").sheet();
        } catch (SheetFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
