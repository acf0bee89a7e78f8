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

    /**
     * A sheet of {@code name = formula} lines (comments skipped, {@code @objective} read) whose dense
     * layers of at least {@code minimumWeights} weights run as loops ({@link Integer#MAX_VALUE}: none).
     */
    static Sheet withDenseLayers(String text, int minimumWeights) {
        SheetBuilder builder = new SheetBuilder().denseLayerMinimum(minimumWeights);
        int line = 0;
        for (String l : text.split("\n")) {
            line++;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            String name = l.substring(0, eq).strip();
            String formula = l.substring(eq + 1).strip();
            if (name.equals("@objective")) {
                builder.objective(formula, line, eq + 2);
            } else {
                builder.cell(name, formula, line, 1, eq + 2);
            }
        }
        try {
            return builder.build();
        } catch (SheetBuildException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
