package dev.gradsheet.ui.common;

import com.vaadin.flow.component.upload.Upload;
import java.util.function.BiConsumer;

/**
 * What the page's uploads share when the server refuses the request itself (over the servlet's size
 * limit, or lost on the way): the upload handler never sees such a file, so without this the
 * visitor would be told nothing and the refused file would stay in the list, blocking the next one.
 */
public final class UploadRequests {
    private UploadRequests() {
    }

    /**
     * Has {@code upload} hand each request the server refused to {@code say} as (file name, shortened
     * and escaped as messages quote user text; HTTP status), after taking the file out of its list.
     */
    public static void onRefused(Upload upload, BiConsumer<String, Integer> say) {
        upload.getElement().addEventListener("upload-error", e -> {
            upload.clearFileList();
            String name = e.getEventData().getString("event.detail.file.name");
            say.accept(name == null ? null : dev.gradsheet.engine.Messages.shorten(name), // the visitor's text
                    (int) e.getEventData().getNumber("event.detail.xhr.status"));
        }).addEventData("event.detail.file.name").addEventData("event.detail.xhr.status");
    }
}
