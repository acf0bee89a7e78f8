package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Routes;

import dev.gradsheet.server.ServerLimits;
import dev.gradsheet.ui.common.UploadRequests;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import dev.gradsheet.engine.Messages;
import dev.gradsheet.sheet.Examples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sheet's toolbar, one line that never wraps: undo/redo (their buttons name the edit they undo
 * or redo, e.g. "Undo SGD step (lr 0.01)", shortened to fit a fixed width with the whole name in the
 * tooltip, so nothing moves when a label changes; the history is the sheet's, shared by every tab),
 * a place for the page's main action ({@link #setMain}), then the objective picker, Open (upload of
 * {@code .sheet} files and of workbooks GradSheet exported), the export menu ({@link ExportMenu}),
 * the Examples menu and, less used, a "⋯" menu with the download and the share link. Opening an example or uploading fires an {@link OpenEvent}; upload errors (too big,
 * not a sheet) are listed with their line numbers under the toolbar, over the page rather than
 * pushing it down; the current sheet is left alone and the refused file leaves the upload's list at
 * once, so the next file is read.
 */
@com.vaadin.flow.component.dependency.JsModule("./gradsheet-a11y.js") // ARIA repairs: Vaadin marks menu items aria-selected, which screen readers misread
public class SheetToolbar extends Composite<VerticalLayout> {
    /** Largest accepted upload by default, in bytes ({@code gradsheet.limits.upload} changes it). */
    public static final int MAX_UPLOAD_BYTES = ServerLimits.DEFAULT_UPLOAD_BYTES;
    /** Largest accepted upload on this server, in bytes. */
    private final int uploadBytes;

    final Button undo = new Button();
    final Button redo = new Button();
    final MenuBar menu = new MenuBar();
    final Anchor download = new Anchor();
    final Upload upload = new Upload();
    final Div uploadErrors = new Div();
    final ComboBox<String> objective = new ComboBox<>();
    final Anchor shareLink = new Anchor();
    /** Where the page's main action goes: between the history buttons and the rest. */
    private final Div main = new Div();
    private final SheetPresenter presenter;
    private boolean updatingObjective;

    public SheetToolbar(SheetPresenter presenter) {
        this.presenter = presenter;
        this.uploadBytes = presenter.limits().uploadBytes();
        undo.setId("undo");
        undo.addClickListener(e -> presenter.undo());
        redo.setId("redo");
        redo.addClickListener(e -> presenter.redo());
        setUpExamples();
        setUpDownload();
        setUpUpload();
        setUpObjective();
        setUpShareLink();
        undo.addClassName("gs-history-button");
        redo.addClassName("gs-history-button");
        main.addClassName("gs-toolbar-main");
        Div row = new Div(undo, redo, main, InlineLabel.of(objective), objective, upload,
                new ExportMenu(presenter), menu);
        row.addClassName("gs-toolbar");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.addClassName("gs-toolbar-box");
        layout.add(row, uploadErrors);
        refresh();
    }

    /** Puts the page's main action (the SGD step) in the toolbar, after undo and redo. */
    public void setMain(com.vaadin.flow.component.Component action) {
        main.removeAll();
        main.add(action);
    }

    /**
     * The Examples menu: each example (and an empty sheet) opens as a new sheet; beside it, "⋯" holds
     * the less used download and share link.
     */
    private void setUpExamples() {
        menu.setId("examples-menu");
        menu.addThemeVariants(com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_TERTIARY);
        SubMenu examples = menu.addItem(getTranslation("toolbar.examples")).getSubMenu();
        for (Examples.Example ex : Examples.ALL) {
            MenuItem item = examples.addItem(ExampleTexts.title(ex), e -> fireEvent(new OpenEvent(this, ex.text(), ex.id() + ".sheet")));
            item.setId("example-" + ex.id());
        }
        MenuItem empty = examples.addItem(getTranslation("toolbar.emptySheet"), e -> fireEvent(new OpenEvent(this, "", "empty.sheet")));
        empty.setId("example-empty");
        MenuItem more = menu.addItem("⋯");
        more.setId("more-menu");
        more.setAriaLabel(getTranslation("toolbar.more"));
        more.getElement().setAttribute("title", getTranslation("toolbar.more"));
        more.getSubMenu().addItem(download).setId("more-download");
        more.getSubMenu().addItem(shareLink).setId("more-share");
    }

    /** Download: the sheet as {@code .sheet} text, written when the link is followed. */
    private void setUpDownload() {
        download.setId("download");
        download.setText(getTranslation("toolbar.download"));
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = presenter.sheetText().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), presenter.fileName(),
                    "text/plain;charset=utf-8", bytes.length);
        }));
        download.getElement().setAttribute("download", presenter.fileName());
    }

    /**
     * Open: one {@code .sheet} file at a time, read in memory up to the server's limit. A refused file
     * leaves the list at once: with one file allowed, an entry left there would refuse every later
     * upload as "too many files".
     */
    private void setUpUpload() {
        upload.setId("upload");
        upload.setAcceptedFileTypes(".sheet", ".txt", "text/plain", ".xlsx", ExportDownloads.XLSX); // workbooks GradSheet exported
        upload.setMaxFiles(1);
        upload.setMaxFileSize(uploadBytes);
        upload.setDropAllowed(true);
        Button open = new Button(getTranslation("toolbar.open"), com.vaadin.flow.component.icon.VaadinIcon.UPLOAD_ALT.create());
        open.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        // its words give way to the icon on narrow screens; the tooltip says what it opens
        open.setTooltipText(getTranslation("toolbar.openTitle"));
        open.getElement().setAttribute("aria-label", getTranslation("toolbar.openTitle")); // its name while only the icon shows
        upload.setUploadButton(open);
        upload.setUploadHandler(new SheetUpload());
        if (!dev.gradsheet.ui.i18n.Texts.english()) {
            // the upload's own words (its error texts stay the component's: rejection() reads them)
            upload.setI18n(new com.vaadin.flow.component.upload.UploadI18N()
                    .setDropFiles(new com.vaadin.flow.component.upload.UploadI18N.DropFiles()
                            .setOne(getTranslation("toolbar.dropOne")).setMany(getTranslation("toolbar.dropMany")))
                    .setAddFiles(new com.vaadin.flow.component.upload.UploadI18N.AddFiles()
                            .setOne(getTranslation("toolbar.open")).setMany(getTranslation("toolbar.open"))));
        }
        upload.addFileRejectedListener(e -> {
            upload.clearFileList();
            presenter.beginAction();
            showUploadErrors(List.of(getTranslation("toolbar.notOpened",
                    e.getFileName() == null ? getTranslation("toolbar.theFile") : Messages.shorten(e.getFileName()),
                    rejection(e.getErrorMessage()))));
        });
        UploadRequests.onRefused(upload, (name, status) -> {
            presenter.beginAction();
            showUploadErrors(List.of(getTranslation("toolbar.notOpened",
                    name == null || name.isEmpty() ? getTranslation("toolbar.theFile") : name,
                    getTranslation("toolbar.uploadFailed", String.valueOf(status), String.valueOf(uploadBytes / 1000)))));
        });
        uploadErrors.setId("upload-errors");
        uploadErrors.addClassName("gs-error");
    }

    /** The objective picker: choosing a cell makes it the objective (one undoable edit). */
    private void setUpObjective() {
        objective.setId("objective");
        objective.setLabel(getTranslation("toolbar.objective"));
        InlineLabel.inline(objective);
        objective.setWidth("8em");
        objective.addValueChangeListener(e -> {
            if (updatingObjective || e.getValue() == null) {
                return;
            }
            objective.setInvalid(false);
            SheetPresenter.Outcome o = presenter.setObjective(e.getValue());
            if (!o.ok()) {
                objective.setErrorMessage(o.error());
                objective.setInvalid(true);
                presenter.post(() -> objective.setInvalid(false));
            }
        });
    }

    /** The sheet's own link, to share with others: every tab on it shows the same live sheet. */
    private void setUpShareLink() {
        shareLink.setId("share-link");
        String path = Routes.sheet(presenter.shared().id());
        shareLink.setHref(path);
        shareLink.setText(getTranslation("toolbar.shareLink", path));
        shareLink.getElement().setAttribute("title", getTranslation("toolbar.shareTitle"));
    }

    /** Re-reads undo/redo state, the objective and the list of cells it can be. */
    public void refresh() {
        refresh(true);
    }

    /**
     * Re-reads undo/redo state and the objective after an edit; the list of cell names only when
     * {@code structural} (cells added, removed or renamed), since big sheets have long lists.
     */
    public void refresh(boolean structural) {
        // Each label is read once: another tab may undo between two reads (canUndo, then a null label).
        dev.gradsheet.engine.EditLabel undoLabel = presenter.undoLabel();
        dev.gradsheet.engine.EditLabel redoLabel = presenter.redoLabel();
        undo.setEnabled(undoLabel != null);
        redo.setEnabled(redoLabel != null);
        String undoText = undoLabel == null ? null : EditLabels.of(undoLabel);
        String redoText = redoLabel == null ? null : EditLabels.of(redoLabel);
        undo.setText(undoText != null ? getTranslation("toolbar.undoNamed", shortLabel(undoText))
                : getTranslation("toolbar.undo"));
        redo.setText(redoText != null ? getTranslation("toolbar.redoNamed", shortLabel(redoText))
                : getTranslation("toolbar.redo"));
        undo.setTooltipText(undoText != null ? getTranslation("toolbar.undoTip", undoText)
                : getTranslation("toolbar.nothingToUndo"));
        redo.setTooltipText(redoText != null ? getTranslation("toolbar.redoTip", redoText)
                : getTranslation("toolbar.nothingToRedo"));
        String current = presenter.objective();
        if (!structural && java.util.Objects.equals(current, objective.getValue())) {
            return;
        }
        updatingObjective = true;
        try {
            if (structural) {
                NameChoices.offer(objective, presenter);
            }
            objective.setValue(current);
        } finally {
            updatingObjective = false;
        }
    }

    /**
     * An edit's label short enough for a button (the tooltip has it whole); the button's fixed width
     * cuts what is still too wide for it with an ellipsis (gradsheet.css), so nothing moves.
     */
    static String shortLabel(String label) {
        return label.length() <= 28 ? label : label.substring(0, 27) + "…";
    }

    /** The upload component's reason for refusing a file, in words for people. */
    private String rejection(String error) {
        String why = error == null ? "" : error.toLowerCase(java.util.Locale.ROOT);
        if (why.contains("too big") || why.contains("size")) {
            return getTranslation("toolbar.tooBig", String.valueOf(uploadBytes / 1000));
        }
        if (why.contains("type")) {
            return getTranslation("toolbar.wrongType");
        }
        return getTranslation("toolbar.otherRejection", error, String.valueOf(uploadBytes / 1000));
    }

    /** Lists upload problems (one per line, with line numbers for parse errors); empty hides them. */
    public void showUploadErrors(List<String> lines) {
        uploadErrors.removeAll();
        for (String line : lines) {
            uploadErrors.add(new Div(new Span(line)));
        }
        if (!lines.isEmpty()) {
            presenter.post(() -> uploadErrors.removeAll());
        }
    }

    /** Reads an uploaded file in memory, refusing files over the size limit. */
    private final class SheetUpload implements UploadHandler {
        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            String fileName = event.getFileName();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(uploadBytes + 1);
            }
            UI ui = event.getUI();
            ui.access(() -> {
                upload.clearFileList(); // read or refused, the file is done with: the next one is read
                presenter.beginAction();
                if (bytes.length > uploadBytes) {
                    showUploadErrors(List.of(getTranslation("toolbar.uploadTooBig", Messages.shorten(fileName),
                            String.valueOf(uploadBytes / 1000))));
                } else {
                    fireEvent(new OpenEvent(SheetToolbar.this, bytes, fileName));
                }
            });
        }

        @Override
        public long getFileSizeMax() {
            return uploadBytes;
        }
    }

    public Registration addOpenListener(ComponentEventListener<OpenEvent> listener) {
        return addListener(OpenEvent.class, listener);
    }

    /** The user asked to open a sheet: an example's text or an uploaded file's bytes. */
    public static class OpenEvent extends ComponentEvent<SheetToolbar> {
        private final byte[] bytes;
        private final String fileName;

        OpenEvent(SheetToolbar source, String text, String fileName) {
            this(source, text.getBytes(StandardCharsets.UTF_8), fileName);
        }

        OpenEvent(SheetToolbar source, byte[] bytes, String fileName) {
            super(source, false);
            this.bytes = bytes;
            this.fileName = fileName;
        }

        public byte[] bytes() {
            return bytes;
        }

        public String fileName() {
            return fileName;
        }
    }
}
