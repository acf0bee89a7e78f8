package dev.gradsheet.ui.common;

import dev.gradsheet.jobs.JobRefusedException;
import dev.gradsheet.ui.i18n.Texts;

/**
 * Why the server did not start a job — a training run, a long SGD request — in the page's language,
 * chosen by the refusal's typed {@link JobRefusedException.Reason} with the numbers it names (never by
 * reading its English message): every worker busy and the queue full, the visitor's own runs at the
 * limit, the server shutting down.
 */
public final class JobRefusals {
    private JobRefusals() {
    }

    /** The sentence for {@code e}. */
    public static String of(JobRefusedException e) {
        int[] figures = e.figures();
        return switch (e.reason()) {
            case QUEUE_FULL -> figures.length < 2 ? e.getMessage()
                    : Texts.t("server.busy", String.valueOf(figures[0]), String.valueOf(figures[1]));
            case VISITOR_LIMIT -> figures.length < 1 ? e.getMessage()
                    : Texts.t("server.visitorLimit", String.valueOf(figures[0]));
            case SHUTTING_DOWN -> Texts.t("server.shuttingDown");
            case LIMIT -> e.getMessage();
        };
    }
}
