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
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(TrainTexts.t("train.upload.dropOne"))
                .setMany(TrainTexts.t("train.upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(TrainTexts.t("train.upload.addOne"))
                .setMany(TrainTexts.t("train.upload.addMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(TrainTexts.t("train.upload.tooManyFiles"))
                .setFileIsTooBig(TrainTexts.t("train.upload.fileIsTooBig"))
                .setIncorrectFileType(TrainTexts.t("train.upload.incorrectFileType")));
        i18n.setFile(new UploadI18N.File().setRetry(TrainTexts.t("train.upload.retry"))
                .setStart(TrainTexts.t("train.upload.start")).setRemove(TrainTexts.t("train.upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(TrainTexts.t("train.upload.connecting"))
                        .setStalled(TrainTexts.t("train.upload.stalled")).setProcessing(TrainTexts.t("train.upload.processing"))
                        .setHeld(TrainTexts.t("train.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(TrainTexts.t("train.upload.remainingPrefix")).setUnknown(TrainTexts.t("train.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(TrainTexts.t("train.upload.serverUnavailable"))
                        .setUnexpectedServerError(TrainTexts.t("train.upload.unexpectedServerError"))
                        .setForbidden(TrainTexts.t("train.upload.forbidden"))));
        i18n.setUnits(UNITS);
        return i18n;
    }
}
