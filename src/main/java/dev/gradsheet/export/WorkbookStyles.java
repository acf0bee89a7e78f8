package dev.gradsheet.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The workbook's looks, as the web grid's: bold headers and objective, and gradients coloured by
 * conditional formatting in the grid's ten buckets — red where the objective rises with the cell,
 * blue where it falls, darker by each decade of |gradient| — so the colours follow the numbers when
 * the spreadsheet program recomputes them.
 */
final class WorkbookStyles {
    final CellStyle bold;

    // The grid's colours (frontend/gradsheet.css), lightest to darkest: 0.01, 0.1, 1, 10.
    private static final String[] POSITIVE = {"fdecea", "f9c9c4", "f28b82", "c9372c", "c62828"};
    private static final String[] NEGATIVE = {"e8f0fe", "c6dafc", "8ab4f8", "2f6fd6", "1565c0"};
    private static final String[] BOUNDS = {"1E-12", "0.01", "0.1", "1", "10"};

    WorkbookStyles(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    /** Prints {@code sheet} landscape, as wide as one page: a sheet of cells reads across. */
    static void printOnePageWide(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * Colours the gradients in {@code range}; {@code topLeft} is its first cell's relative reference
     * ({@code C2}), which each rule's formula is written for.
     */
    static void colourGradients(Sheet sheet, CellRangeAddress range, String topLeft) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule[] rules = new ConditionalFormattingRule[10];
        for (int level = 0; level < 5; level++) {
            rules[level] = rule(formatting, topLeft, level, POSITIVE[level]);
            rules[5 + level] = rule(formatting, "-" + topLeft, level, NEGATIVE[level]);
        }
        // Excel's and POI's limit: three rules per conditional format, so several formats share the range.
        for (int from = 0; from < rules.length; from += 3) {
            ConditionalFormattingRule[] part = java.util.Arrays.copyOfRange(rules, from, Math.min(rules.length, from + 3));
            formatting.addConditionalFormatting(new CellRangeAddress[] {range}, part);
        }
    }

    /** A fill for values of {@code g} (the cell, or its negation) in bucket {@code level}. */
    private static ConditionalFormattingRule rule(SheetConditionalFormatting formatting, String g, int level, String rgb) {
        String condition = level == 4 ? g + ">=" + BOUNDS[4]
                : "AND(" + g + (level == 0 ? ">" : ">=") + BOUNDS[level] + "," + g + "<" + BOUNDS[level + 1] + ")";
        // ISNUMBER first: a gradient that is an error (#DIV/0!) or empty gets no colour.
        String topLeft = g.startsWith("-") ? g.substring(1) : g;
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(
                "AND(ISNUMBER(" + topLeft + ")," + condition + ")");
        rule.createPatternFormatting().setFillBackgroundColor(color(rgb));
        if (level >= 3) {
            rule.createFontFormatting().setFontColor(color("ffffff"));
        }
        return rule;
    }

    private static XSSFColor color(String rgb) {
        byte[] bytes = new byte[3];
        for (int k = 0; k < 3; k++) {
            bytes[k] = (byte) Integer.parseInt(rgb.substring(2 * k, 2 * k + 2), 16);
        }
        return new XSSFColor(bytes, null);
    }
}
