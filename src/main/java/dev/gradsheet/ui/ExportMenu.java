package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.gradsheet.export.ExportRefusedException;

/**
 * The toolbar's "Download as" menu: ▸ Excel workbook (live backprop formulas) and ▸ PyTorch script.
 * Each item is a link whose file is made when clicked ({@link ExportDownloads}); a sheet above the
 * export limits gets a notification saying why instead of a file.
 */
public class ExportMenu extends Composite<MenuBar> {
    final MenuItem root;
    final Anchor workbook;
    final Anchor script;

    public ExportMenu(SheetPresenter presenter) {
        ExportDownloads downloads = new ExportDownloads(presenter.shared());
        MenuBar bar = getContent();
        bar.setId("export-menu");
        root = bar.addItem(getTranslation("export.menu"));
        SubMenu items = root.getSubMenu();
        workbook = link("export-xlsx", getTranslation("export.workbook"), downloads::workbook);
        script = link("export-pytorch", getTranslation("export.pytorch"), downloads::script);
        workbook.getElement().setAttribute("title", getTranslation("export.workbookTip"));
        script.getElement().setAttribute("title", getTranslation("export.pytorchTip"));
        items.addItem(workbook);
        items.addItem(script);
    }

    /** Makes one download of the sheet as it is now. */
    interface Maker {
        ExportDownloads.Download make() throws ExportRefusedException;
    }

    private Anchor link(String id, String text, Maker maker) {
        Anchor a = new Anchor();
        a.setId(id);
        a.setText(text);
        a.setHref((DownloadHandler) event -> send(event, maker));
        a.getElement().setAttribute("download", true);
        return a;
    }

    private void send(DownloadEvent event, Maker maker) throws java.io.IOException {
        ExportDownloads.Download d;
        try {
            d = maker.make();
        } catch (ExportRefusedException refused) {
            event.getResponse().setStatus(409);
            event.getUI().access(() -> Notification.show(getTranslation("export.refused", refused.getMessage()), 8000,
                    Notification.Position.MIDDLE));
            return;
        }
        event.setFileName(d.fileName());
        event.setContentType(d.contentType());
        event.setContentLength(d.bytes().length);
        event.getOutputStream().write(d.bytes());
    }
}
