package dev.gradsheet.export;

import static dev.gradsheet.export.Workbooks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.cli.GradSheetCli;
import dev.gradsheet.sheet.SheetFile;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof with the real program: Debian's LibreOffice opens each exported workbook headless,
 * computes every formula (the files carry no results; its profile has default settings) and
 * writes each sheet as CSV with 15 significant digits; its values and gradients equal
 * {@code gradsheet eval}'s to 1e-9 relative — for the worked example, the CS231n neuron, a 2-4-1 XOR
 * network, random sheets using every operation, after a weight was typed into the workbook, and for
 * the SGD sheet's row 2 against {@code gradsheet step --steps 2}. A workbook LibreOffice saved opens
 * in GradSheet again.
 */
class WorkbookLibreOfficeIT {
    @TempDir
    Path dir;

    @Test
    void libreOfficeComputesGradSheetsNumbers() throws Exception {
        String soffice = ExternalPrograms.soffice();
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("worked", ExportSheets.WORKED);
        sheets.put("cs231n", ExportSheets.CS231N);
        sheets.put("xor", ExportSheets.XOR);
        for (long seed = 1; seed <= 3; seed++) {
            sheets.put("random" + seed, ExportSheets.random(seed));
        }
        Map<String, SheetFile.Loaded> expected = new LinkedHashMap<>();
        List<String> books = new ArrayList<>();
        for (var e : sheets.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".sheet"), e.getValue());
            Files.write(dir.resolve(e.getKey() + ".xlsx"), ExportSheets.workbook(ExportSheets.load(e.getValue()), 2));
            expected.put(e.getKey(), ExportSheets.load(e.getValue()));
            books.add(e.getKey() + ".xlsx");
        }
        // weights typed into the workbook (by POI, as a person would in the spreadsheet program)
        for (String[] typed : new String[][] {{"worked", "z", "-3.88"}, {"xor", "w2_1_1", "1.25"}, {"random1", "w2", "-0.75"}}) {
            String name = typed[0] + "-typed";
            SheetFile.Loaded loaded = ExportSheets.load(sheets.get(typed[0]));
            XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(loaded, 2));
            int row = loaded.sheet().indexOf(typed[1]) + 1;
            book.getSheet("Cells").getRow(row).getCell(WorkbookLayout.VALUE).setCellValue(Double.parseDouble(typed[2]));
            Files.write(dir.resolve(name + ".xlsx"), WorkbookImportTest.bytes(book));
            loaded.sheet().setValue(typed[1], Double.parseDouble(typed[2]));
            expected.put(name, loaded);
            books.add(name + ".xlsx");
        }
        toCsv(soffice, books);
        for (var e : expected.entrySet()) {
            Map<String, double[]> computed = cellsCsv(dir.resolve("csv").resolve(e.getKey() + "-Cells.csv"));
            Workbooks.assertSameNumbers(e.getValue().sheet(), computed, "LibreOffice, " + e.getKey());
        }
        assertEquals(-11.64, cellsCsv(dir.resolve("csv/worked-typed-Cells.csv")).get("f")[0], 1e-12);
        for (String name : sheets.keySet()) {
            Map<String, double[]> stepTwo = sgdRow(dir.resolve("csv").resolve(name + "-SGD.csv"), 2);
            JsonNode step = stepJson(dir.resolve(name + ".sheet"));
            for (JsonNode c : step.get("cells")) {
                double[] got = stepTwo.get(c.get("name").asText());
                assertClose(c.get("value").asDouble(), got[0], name + ": SGD row 2, value of " + c.get("name").asText());
                assertClose(c.get("grad").asDouble(), got[1], name + ": SGD row 2, gradient of " + c.get("name").asText());
            }
        }
    }

    @Test
    void aWorkbookLibreOfficeSavedOpensInGradSheetAgain() throws Exception {
        String soffice = ExternalPrograms.soffice();
        SheetFile.Loaded loaded = ExportSheets.load(ExportSheets.XOR);
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(loaded, 2));
        book.getSheet("Cells").getRow(loaded.sheet().indexOf("b1_2") + 1).getCell(WorkbookLayout.VALUE).setCellValue(0.375);
        Files.write(dir.resolve("typed.xlsx"), WorkbookImportTest.bytes(book));
        ExternalPrograms.run(dir, 180, List.of(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir.resolve("saved").toString(), "typed.xlsx"));
        SheetFile.Loaded back = SheetImport.read(dir.resolve("saved/typed.xlsx"));
        loaded.sheet().setValue("b1_2", 0.375);
        assertEquals(SheetFile.format(loaded.sheet(), loaded.description(), loaded.data()),
                SheetFile.format(back.sheet(), back.description(), back.data()));
    }

    /** Converts every sheet of {@code books} to CSV in {@code csv/}: one LibreOffice run for all. */
    private void toCsv(String soffice, List<String> books) throws Exception {
        // A fresh profile of default settings (LibreOffice's default for .xlsx is never to recalculate on
        // load): the workbooks carry no results, so every number below is one LibreOffice computed.
        Path profile = dir.resolve("profile");
        List<String> command = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                // comma-separated, UTF-8, numbers with all 15 digits (not "as shown"), every sheet to a file of its own
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", dir.resolve("csv").toString()));
        command.addAll(books);
        ExternalPrograms.run(dir, 300, command);
    }

    /** Name → {value, gradient} from a Cells sheet's CSV. */
    private static Map<String, double[]> cellsCsv(Path csv) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        List<CSVRecord> records = records(csv);
        for (CSVRecord r : records.subList(1, records.size())) {
            out.put(r.get(0), new double[] {number(r.get(1), csv, r), number(r.get(2), csv, r)});
        }
        return out;
    }

    /** Name → {value, gradient} of step {@code k}'s row of an SGD sheet's CSV. */
    private static Map<String, double[]> sgdRow(Path csv, int k) throws Exception {
        List<CSVRecord> records = records(csv);
        int header = 0;
        while (!records.get(header).get(0).equals("step")) {
            header++;
        }
        CSVRecord names = records.get(header);
        CSVRecord row = records.get(header + 1 + k);
        assertEquals(String.valueOf(k), row.get(0));
        Map<String, double[]> out = new LinkedHashMap<>();
        int cells = 0;
        while (cells + 1 < names.size() && !names.get(cells + 1).startsWith("∂")) {
            cells++;
        }
        for (int i = 1; i <= cells; i++) {
            out.put(names.get(i), new double[] {number(row.get(i), csv, row), number(row.get(cells + i), csv, row)});
        }
        return out;
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        assertTrue(Files.isRegularFile(csv), "LibreOffice wrote no " + csv.getFileName());
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        }
    }

    private static double number(String text, Path csv, CSVRecord r) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AssertionError(csv.getFileName() + " line " + r.getRecordNumber() + ": LibreOffice computed '" + text + "'");
        }
    }

    /** {@code gradsheet step FILE --steps 2 --json}, run as the command line runs it. */
    private static JsonNode stepJson(Path sheet) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradSheetCli.run(new String[] {"step", sheet.toString(), "--steps", "2", "--json"}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }
}
