package dev.gradsheet.cli;

import dev.gradsheet.export.SheetImport;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every sheet command takes: the file and {@code --json}; and how it loads the file. */
final class SheetOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .sheet file (or a workbook GradSheet exported)")
    Path file;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    /** Saves the loaded sheet (with its description, data, claims and practice setting) back to the file; false after a message. */
    boolean save(SheetFile.Loaded loaded, PrintWriter err) {
        if (SheetImport.isWorkbook(file)) { // never .sheet text over a workbook
            err.println(file + ": is a workbook, so --write does not change it; export the sheet again with"
                    + " 'gradsheet export --xlsx'");
            return false;
        }
        try {
            SheetFile.write(loaded, file);
            return true;
        } catch (java.io.IOException e) {
            err.println(file + ": cannot write: " + e.getMessage());
            return false;
        }
    }

    /** The sheet, or null after printing its problems to {@code err}. */
    SheetFile.Loaded load(PrintWriter err) {
        try {
            return SheetImport.read(file); // a .sheet file, or a workbook GradSheet exported
        } catch (SheetFormatException e) {
            ErrorLines.print(e.lines(), file, err);
            return null;
        }
    }
}
