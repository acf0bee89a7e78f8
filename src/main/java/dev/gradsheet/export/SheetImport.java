package dev.gradsheet.export;

import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens what a person hands GradSheet — a {@code .sheet} file or a workbook GradSheet exported —
 * telling the two apart by their first bytes (an {@code .xlsx} is a zip archive), so the Open button
 * and every command that reads a sheet take both. A {@code .sheet} file never loads the workbook
 * library.
 */
public final class SheetImport {
    private SheetImport() {
    }

    /** The sheet in {@code bytes} (an upload); {@code source} names it in messages. */
    public static SheetFile.Loaded parse(byte[] bytes, String source) throws SheetFormatException {
        return looksLikeWorkbook(bytes) ? WorkbookImport.read(bytes, source) : SheetFile.parse(bytes, source);
    }

    /** The sheet in file {@code path}: a workbook or a {@code .sheet} file. */
    public static SheetFile.Loaded read(Path path) throws SheetFormatException {
        if (!isWorkbook(path)) {
            return SheetFile.read(path); // also says what is wrong with a missing or unreadable file
        }
        String source = path.toString();
        try {
            if (Files.size(path) > SheetFile.MAX_BYTES) {
                throw WorkbookImport.refused(source, "file is larger than " + (SheetFile.MAX_BYTES >> 20) + " MB");
            }
            return WorkbookImport.read(Files.readAllBytes(path), source);
        } catch (IOException e) {
            throw new SheetFormatException(source, List.of(new dev.gradsheet.engine.Problem(1, 1, "cannot read: " + e.getMessage())));
        }
    }

    /** Whether {@code bytes} start like an {@code .xlsx} file (a zip archive). */
    public static boolean looksLikeWorkbook(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** Whether file {@code path} starts like a workbook (false when it cannot be read: the reader says why). */
    public static boolean isWorkbook(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return looksLikeWorkbook(in.readNBytes(4));
        } catch (IOException e) {
            return false;
        }
    }
}
