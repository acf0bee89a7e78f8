package dev.gradsheet.export;

import static dev.gradsheet.export.CellsSheetWriter.formula;
import static dev.gradsheet.export.CellsSheetWriter.text;
import static dev.gradsheet.export.WorkbookLayout.SGD_FIRST_STEP_ROW;
import static dev.gradsheet.export.WorkbookLayout.SGD_HEADER_ROW;
import static dev.gradsheet.export.WorkbookLayout.SGD_LR_ROW;
import static dev.gradsheet.export.WorkbookLayout.SGD_STEPS_ROW;
import static dev.gradsheet.export.WorkbookLayout.absolute;
import static dev.gradsheet.export.WorkbookLayout.ref;

import dev.gradsheet.engine.Op;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes the SGD sheet: training as rows. Row k holds the whole sheet after k steps — every value
 * and every gradient, by the same formulas as the Cells sheet — and computes the next row's weights,
 * w − lr·∂objective/∂w, once per step while k is below N. The learning rate and N are cells at the top;
 * step 0's weights and every input come from the Cells sheet, so typing there retrains here.
 */
final class SgdSheetWriter {
    private final ExportGraph graph;
    private final SpreadsheetFormulas formulas;
    private final WorkbookStyles styles;
    private final int steps;
    /** Column of each cell's pass-on gradient, or -1. */
    private final int[] passColumn;
    private final int firstHelper;

    SgdSheetWriter(ExportGraph graph, WorkbookStyles styles, int steps) {
        this.graph = graph;
        this.formulas = new SpreadsheetFormulas(graph);
        this.styles = styles;
        this.steps = steps;
        this.passColumn = new int[graph.size()];
        int next = gradColumn(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            passColumn[i] = formulas.needsPass(i) ? next++ : -1;
        }
        this.firstHelper = next;
    }

    private static int valueColumn(int i) {
        return 1 + i;
    }

    private int gradColumn(int i) {
        return 1 + graph.size() + i;
    }

    /** The references of one step's row. */
    private SpreadsheetFormulas.Refs refs(int row) {
        return new SpreadsheetFormulas.Refs() {
            @Override
            public String value(int i) {
                return ref(row, valueColumn(i));
            }

            @Override
            public String grad(int i) {
                return ref(row, gradColumn(i));
            }

            @Override
            public String pass(int i) {
                return ref(row, passColumn[i]);
            }
        };
    }

    void write(Sheet sheet) {
        String lr = absolute(SGD_LR_ROW, 1);
        String n = absolute(SGD_STEPS_ROW, 1);
        Row top = sheet.createRow(SGD_LR_ROW);
        text(top, 0, "learning rate").setCellStyle(styles.bold);
        top.createCell(1).setCellValue(graph.learningRate);
        Row second = sheet.createRow(SGD_STEPS_ROW);
        text(second, 0, "steps N").setCellStyle(styles.bold);
        second.createCell(1).setCellValue(steps);
        text(sheet.createRow(2), 0, "Row k holds the sheet after k SGD steps: each weight w becomes w - lr * ∂"
                + objectiveName() + "/∂w while k < N (later rows repeat step N). Step 0 and the inputs come"
                + " from the Cells sheet.");
        Row header = sheet.createRow(SGD_HEADER_ROW);
        text(header, 0, "step").setCellStyle(styles.bold);
        for (int i = 0; i < graph.size(); i++) {
            text(header, valueColumn(i), graph.name(i)).setCellStyle(styles.bold);
            text(header, gradColumn(i), "∂" + objectiveName() + "/∂" + graph.name(i)).setCellStyle(styles.bold);
            if (passColumn[i] >= 0) {
                text(header, passColumn[i], graph.name(i) + " passes on");
            }
        }
        for (int k = 0; k <= steps; k++) {
            int r = SGD_FIRST_STEP_ROW + k;
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(k);
            SpreadsheetFormulas.Refs here = refs(r);
            int[] nextHelper = {firstHelper};
            java.util.function.Function<String, String> helper = f -> {
                int column = nextHelper[0]++;
                formula(row, column, f);
                return ref(r, column);
            };
            for (int i = 0; i < graph.size(); i++) {
                formula(row, valueColumn(i), valueOf(i, k, r, lr, n, here, helper));
                formula(row, gradColumn(i), Spill.fit(formulas.grad(i, here), helper));
                if (passColumn[i] >= 0) {
                    formula(row, passColumn[i], Spill.fit(formulas.pass(i, here), helper));
                }
            }
            if (k == 0 && nextHelper[0] > firstHelper) {
                text(header, firstHelper, "partial sums of long formulas");
            }
        }
        if (graph.size() > 0) {
            WorkbookStyles.colourGradients(sheet, new CellRangeAddress(SGD_FIRST_STEP_ROW, SGD_FIRST_STEP_ROW + steps,
                    gradColumn(0), gradColumn(graph.size() - 1)), ref(SGD_FIRST_STEP_ROW, gradColumn(0)));
        }
        sheet.createFreezePane(1, SGD_FIRST_STEP_ROW);
        WorkbookStyles.printOnePageWide(sheet);
        sheet.setColumnWidth(0, 14 * 256);
    }

    /** Cell {@code i}'s value in step {@code k}'s row {@code r}. */
    private String valueOf(int i, int k, int r, String lr, String n, SpreadsheetFormulas.Refs here,
                           java.util.function.Function<String, String> helper) {
        Op op = graph.ops[i];
        String onCells = WorkbookLayout.CELLS + "!" + absolute(WorkbookLayout.cellRow(i), WorkbookLayout.VALUE);
        if (op == Op.INPUT || (op == Op.WEIGHT && k == 0)) {
            return onCells;
        }
        if (op == Op.CONST) {
            return SpreadsheetFormulas.number(graph.cell(i).value());
        }
        if (op == Op.WEIGHT) {
            String w = ref(r - 1, valueColumn(i));
            String g = ref(r - 1, gradColumn(i));
            return "IF(" + ref(r - 1, 0) + "<" + n + "," + w + "-" + lr + "*" + g + "," + w + ")";
        }
        return Spill.fit(formulas.value(i, here), helper);
    }

    private String objectiveName() {
        return graph.objective < 0 ? "objective" : graph.name(graph.objective);
    }
}
