package dev.gradsheet.ui.train;

import dev.gradsheet.server.ServerLimits;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.CsvData;
import dev.gradsheet.train.DataGenerator;
import dev.gradsheet.train.DataException;
import dev.gradsheet.ui.common.Format;
import dev.gradsheet.server.SheetRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sheet's data table: pick a built-in set or upload a CSV file, see the table (M rows) and which
 * input cells its columns bind to. A file that does not parse or bind is refused with one
 * {@code FILE:LINE: message} line per problem next to the upload; the sheet and its data stay as
 * they were. The chosen table is saved with the sheet ({@code @data}/{@code @row} lines).
 */
public class DataSection extends Composite<VerticalLayout> {
    /** Largest CSV upload accepted, in bytes. */
    public static final int MAX_CSV_BYTES = ServerLimits.MAX_CSV_BYTES;
    /** Rows listed in the table view (all rows are used for training). */
    static final int ROWS_SHOWN = 1000;

    final ComboBox<BuiltInData> builtIn = new ComboBox<>(TrainTexts.t("train.data.builtIn"));
    final Upload upload = new Upload();
    final com.vaadin.flow.component.select.Select<DataGenerator> generator = new com.vaadin.flow.component.select.Select<>();
    final com.vaadin.flow.component.textfield.IntegerField size = new com.vaadin.flow.component.textfield.IntegerField(TrainTexts.t("train.data.size"));
    final com.vaadin.flow.component.textfield.NumberField noise = new com.vaadin.flow.component.textfield.NumberField(TrainTexts.t("train.data.noise"));
    final com.vaadin.flow.component.textfield.IntegerField dataSeed = new com.vaadin.flow.component.textfield.IntegerField(TrainTexts.t("train.data.seed"));
    final Button generate = new Button(TrainTexts.t("train.data.generate"));
    final Div errors = new Div();
    final Span summary = new Span();
    final Grid<double[]> table = new Grid<>();
    private final TrainingPresenter presenter;
    private final SheetRegistry registry;
    private final Consumer<DataTable> onChange;
    private boolean updating;

    /** The data section of {@code presenter}'s sheet; a table taken is saved through {@code registry}. */
    public DataSection(TrainingPresenter presenter, SheetRegistry registry, Consumer<DataTable> onChange) {
        this.presenter = presenter;
        this.registry = registry;
        this.onChange = onChange;
        setUpBuiltIn();
        setUpUpload();
        setUpGenerator();
        errors.setId("data-errors");
        errors.addClassName("gs-error");
        summary.setId("data-summary");
        table.setId("data-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setHeight("120px");
        table.setWidth("100%");
        HorizontalLayout row = new HorizontalLayout(builtIn, upload);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        row.setWrap(true);
        HorizontalLayout generated = new HorizontalLayout(generator, size, noise, dataSeed, generate);
        generated.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        generated.setWrap(true);
        generated.setSpacing(false);
        generated.getStyle().set("gap", "0.4em");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.setWidth("20em");
        layout.add(row, generated, errors, summary, table);
        showTable(data());
        showBuiltIn(data());
    }

    /** The built-in data sets: choosing one uses it. */
    private void setUpBuiltIn() {
        builtIn.setId("data-builtin");
        builtIn.setItems(BuiltInData.values());
        builtIn.setItemLabelGenerator(DataSection::title);
        builtIn.setWidth("16em");
        builtIn.setPlaceholder(TrainTexts.t("train.data.builtIn.placeholder"));
        builtIn.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                use(e.getValue().table(), e.getValue().id());
            }
        });
    }

    /** A CSV upload, read in memory up to {@link #MAX_CSV_BYTES}. */
    private void setUpUpload() {
        upload.setId("data-upload");
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_CSV_BYTES);
        upload.setUploadButton(new Button(TrainTexts.t("train.data.upload")));
        upload.setI18n(UploadTexts.of());
        upload.setDropAllowed(false);
        upload.getElement().setAttribute("title", TrainTexts.t("train.data.upload.tooltip"));
        upload.setUploadHandler(new CsvUpload());
        // Vaadin's own reason is English: the panel says it in the page's language
        upload.addFileRejectedListener(e -> {
            upload.clearFileList();
            showErrors(List.of(TrainTexts.t("train.data.rejected", MAX_CSV_BYTES / 1000)));
        });
        dev.gradsheet.ui.common.UploadRequests.onRefused(upload, (name, status) ->
                showErrors(List.of(TrainTexts.t("train.data.uploadFailed", status, MAX_CSV_BYTES / 1000))));
    }

    /** The Playground's generated data sets: kind, size, noise and seed. */
    private void setUpGenerator() {
        generator.setId("data-generator");
        generator.setLabel(TrainTexts.t("train.data.generator"));
        generator.setItems(DataGenerator.values());
        generator.setItemLabelGenerator(DataSection::title);
        generator.setValue(DataGenerator.CIRCLE);
        generator.setWidth("11em");
        size.setId("data-size");
        size.setValue(200);
        size.setMin(2);
        size.setMax(DataGenerator.MAX_SIZE);
        size.setWidth("5em");
        noise.setId("data-noise");
        noise.setValue(0.1);
        noise.setMin(0);
        noise.setMax(DataGenerator.MAX_NOISE);
        noise.setStep(0.05);
        noise.setWidth("5em");
        dataSeed.setId("data-seed");
        dataSeed.setValue(1);
        dataSeed.setWidth("4.5em");
        generate.setId("data-generate");
        generate.addClickListener(e -> generate());
    }

    /** Shows which built-in set the table is, if it is one. */
    private void showBuiltIn(DataTable data) {
        updating = true;
        try {
            builtIn.setValue(data == null ? null : java.util.Arrays.stream(BuiltInData.values())
                    .filter(d -> d.table().equals(data)).findFirst().orElse(null));
        } finally {
            updating = false;
        }
    }

    /**
     * Generates the chosen Playground data set (seeded, with the size and noise asked) and uses it;
     * out-of-range settings are refused next to the fields and change nothing.
     */
    public boolean generate() {
        DataGenerator kind = generator.getValue();
        if (kind == null || size.getValue() == null || noise.getValue() == null || dataSeed.getValue() == null) {
            showErrors(List.of(TrainTexts.t("train.data.generate.missing")));
            return false;
        }
        // the generator's own limits, said in the page's language (its exception speaks English)
        if (size.getValue() < 2 || size.getValue() > DataGenerator.MAX_SIZE) {
            showErrors(List.of(TrainTexts.t("train.data.size.range", DataGenerator.MAX_SIZE, size.getValue())));
            return false;
        }
        if (!(noise.getValue() >= 0 && noise.getValue() <= DataGenerator.MAX_NOISE)) {
            showErrors(List.of(TrainTexts.t("train.data.noise.range", (int) DataGenerator.MAX_NOISE, Format.readable(noise.getValue()))));
            return false;
        }
        DataTable generatedTable;
        try {
            generatedTable = kind.generate(size.getValue(), noise.getValue(), dataSeed.getValue());
        } catch (IllegalArgumentException e) {
            showErrors(List.of(e.getMessage()));
            return false;
        }
        return use(generatedTable, TrainTexts.t("train.data.generatedName", kind.id(), size.getValue(),
                Format.readable(noise.getValue()), dataSeed.getValue()));
    }

    /** The table in use, or null. */
    public DataTable data() {
        return presenter.shared().data();
    }

    /**
     * Uses {@code data} (named {@code source} in messages) if its columns bind to the sheet's input
     * cells; otherwise lists the problems and changes nothing. Returns whether it was taken.
     */
    public boolean use(DataTable data, String source) {
        List<String> problems = presenter.dataProblems(data, source);
        if (!problems.isEmpty()) {
            refuse(source, problems);
            return false;
        }
        showErrors(List.of());
        registry.setData(presenter.shared(), data);
        showTable(data);
        onChange.accept(data);
        return true;
    }

    /** Lists why {@code source} was not used; nothing changes. */
    private void refuse(String source, List<String> problems) {
        List<String> lines = new ArrayList<>();
        lines.add(TrainTexts.t("train.data.notUsed", source));
        lines.addAll(problems);
        showErrors(lines);
    }

    /** Parses uploaded CSV bytes and uses them; errors are listed as {@code FILE:LINE: message}. */
    public boolean useCsv(byte[] bytes, String fileName) {
        String source = fileName == null || fileName.isBlank() ? "upload.csv" : dev.gradsheet.engine.Messages.shorten(fileName);
        if (bytes.length > MAX_CSV_BYTES) {
            showErrors(List.of(TrainTexts.t("train.data.tooLarge", source, MAX_CSV_BYTES / 1000)));
            return false;
        }
        DataTable data;
        try {
            data = CsvData.parse(bytes, source);
        } catch (DataException e) {
            refuse(source, e.lines());
            return false;
        }
        updating = true;
        try {
            builtIn.clear();
        } finally {
            updating = false;
        }
        return use(data, source);
    }

    /** Lists problems next to the upload (empty: none). */
    void showErrors(List<String> lines) {
        errors.removeAll();
        for (String line : lines) {
            errors.add(new Div(new Span(line)));
        }
    }

    /** The problems listed, one per line. */
    public List<String> errorLines() {
        return errors.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }

    private void showTable(DataTable data) {
        table.removeAllColumns();
        if (data == null) {
            summary.setText(TrainTexts.t("train.data.none"));
            table.setItems(List.of());
            table.setVisible(false);
            return;
        }
        summary.setText(summary(presenter.bindings(data), data.size()));
        table.addColumn(r -> String.valueOf((int) r[r.length - 1])).setKey("row").setHeader("#").setWidth("3em").setFlexGrow(0);
        for (int c = 0; c < data.columns().size(); c++) {
            int col = c;
            table.addColumn(r -> Format.readable(r[col])).setKey("col-" + data.columns().get(c)).setHeader(data.columns().get(c))
                    .setTextAlign(ColumnTextAlign.END).setWidth("4em").setFlexGrow(1);
        }
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(ROWS_SHOWN, data.size()); r++) {
            double[] row = java.util.Arrays.copyOf(data.row(r), data.columns().size() + 1);
            row[row.length - 1] = r + 1;
            rows.add(row);
        }
        table.setItems(rows);
        table.setVisible(true);
    }

    /** "M = 4 samples · columns bind to: x1 → input x1, …", with "first 1000 rows listed" for big tables. */
    static String summary(Map<String, String> bindings, int rows) {
        return TrainTexts.t("train.data.summary", rows, bindings(bindings))
                + (rows > ROWS_SHOWN ? " · " + TrainTexts.t("train.data.rowsListed", ROWS_SHOWN) : "");
    }

    /** "columns bind to: x1 → input x1, y → input y" (or which column lost its input cell). */
    static String bindings(Map<String, String> bindings) {
        List<String> parts = new ArrayList<>();
        bindings.forEach((column, cell) -> parts.add(cell != null ? TrainTexts.t("train.data.boundTo", column, cell)
                : TrainTexts.t("train.data.unbound", column)));
        return TrainTexts.t("train.data.bindings", String.join(", ", parts));
    }

    /** A built-in data set's name in the page's language (one key per set, so a new set needs its texts). */
    static String title(BuiltInData data) {
        return switch (data) {
            case AND -> TrainTexts.t("train.data.builtin.and");
            case OR -> TrainTexts.t("train.data.builtin.or");
            case XOR -> TrainTexts.t("train.data.builtin.xor");
            case LINE_SEPARATION -> TrainTexts.t("train.data.builtin.line-separation");
            case NOISY_LINE -> TrainTexts.t("train.data.builtin.noisy-line");
            case TWO_MOONS -> TrainTexts.t("train.data.builtin.two-moons");
            case CIRCLES -> TrainTexts.t("train.data.builtin.circles");
        };
    }

    /** A generated data set's name in the page's language. */
    static String title(DataGenerator kind) {
        return switch (kind) {
            case CIRCLE -> TrainTexts.t("train.data.generator.circle");
            case XOR -> TrainTexts.t("train.data.generator.xor");
            case GAUSSIANS -> TrainTexts.t("train.data.generator.gaussians");
            case SPIRAL -> TrainTexts.t("train.data.generator.spiral");
            case MOONS -> TrainTexts.t("train.data.generator.moons");
        };
    }

    /** Re-reads the bindings after the sheet changed. */
    public void refresh() {
        DataTable data = data();
        if (data != null) {
            summary.setText(summary(presenter.bindings(data), data.size()));
        }
    }

    /** Reads an uploaded CSV file in memory, refusing files over the size limit. */
    private final class CsvUpload implements UploadHandler {
        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            String fileName = event.getFileName();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(MAX_CSV_BYTES + 1);
            }
            UI ui = event.getUI();
            ui.access(() -> {
                upload.clearFileList(); // used or refused, the file is done with: with one file allowed, the next would be "too many"
                useCsv(bytes, fileName);
            });
        }

        @Override
        public long getFileSizeMax() {
            return MAX_CSV_BYTES;
        }
    }
}
