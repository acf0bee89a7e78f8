package dev.gradsheet.ui;

import dev.gradsheet.export.ExportLimits;
import dev.gradsheet.export.ExportRefusedException;
import dev.gradsheet.export.PyTorchExport;
import dev.gradsheet.export.WorkbookExport;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.SheetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the page's "Download as" menu hands out for a shared sheet, made when it is asked for (so it
 * is the sheet as it is then): the workbook, with as many SGD steps as the sheet's size allows, and
 * the PyTorch script, training as {@code gradsheet train} does by default. Vaadin-free; nothing is
 * kept between downloads.
 */
public final class ExportDownloads {
    /** One file to download. */
    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SharedSheet shared;

    public ExportDownloads(SharedSheet shared) {
        this.shared = shared;
    }

    private SheetFile.Loaded loaded() {
        return new SheetFile.Loaded(shared.sheet(), shared.description(), shared.data(), shared.claims(), shared.practice());
    }

    private String base() {
        return "gradsheet-" + shared.id();
    }

    /** The workbook; refused (with the reason) above the export limits. */
    public Download workbook() throws ExportRefusedException {
        SheetFile.Loaded loaded = loaded();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WorkbookExport.write(loaded, base() + ".sheet", ExportLimits.defaultSgdSteps(loaded.sheet().size()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to memory: no I/O can fail
        }
        return new Download(base() + ".xlsx", XLSX, out.toByteArray());
    }

    /** The PyTorch script; refused (with the reason) above the export limits. */
    public Download script() throws ExportRefusedException {
        String text = PyTorchExport.write(loaded(), base() + ".sheet", PyTorchExport.Training.DEFAULT);
        return new Download(base().replace('-', '_') + ".py", "text/x-python;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
