package dev.gradsheet.ui.train;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * The upload component's own texts (its drop hint, file list, progress and errors), which the
 * browser would otherwise show in English, in the page's language from the bundle {@code i18n/train}.
 */
final class UploadTexts {
    /** Size units: symbols, the same in every language. */
    private static final List<String> UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");

    private UploadTexts() {
    }

    static UploadI18N of() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(Texts.t("train.upload.dropOne"))
                .setMany(Texts.t("train.upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(Texts.t("train.upload.addOne"))
                .setMany(Texts.t("train.upload.addMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(Texts.t("train.upload.tooManyFiles"))
                .setFileIsTooBig(Texts.t("train.upload.fileIsTooBig"))
                .setIncorrectFileType(Texts.t("train.upload.incorrectFileType")));
        i18n.setFile(new UploadI18N.File().setRetry(Texts.t("train.upload.retry"))
                .setStart(Texts.t("train.upload.start")).setRemove(Texts.t("train.upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(Texts.t("train.upload.connecting"))
                        .setStalled(Texts.t("train.upload.stalled")).setProcessing(Texts.t("train.upload.processing"))
                        .setHeld(Texts.t("train.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(Texts.t("train.upload.remainingPrefix")).setUnknown(Texts.t("train.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(Texts.t("train.upload.serverUnavailable"))
                        .setUnexpectedServerError(Texts.t("train.upload.unexpectedServerError"))
                        .setForbidden(Texts.t("train.upload.forbidden"))));
        i18n.setUnits(UNITS);
        return i18n;
    }
}
