package dev.gradsheet.load.agent;

import dev.gradsheet.server.SaveState;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * What every tab on a sheet is told about its edits ({@link SheetRegistry#saveState}): the test of
 * "what is shown as saved is saved" waits here until the sheet's edits are said to be saved, then
 * kills the server. Loaded only when asked (an older server has no save state).
 */
final class SaveStateProbe {
    private SaveStateProbe() {
    }

    /** Waits until sheet {@code id}'s edits are said to be saved; returns SAVED, or TIMEOUT when it was not within {@code timeoutMs}. */
    static String awaitSaved(ApplicationContext context, String id, long timeoutMs) {
        SheetRegistry registry = context.getBean(SheetRegistry.class);
        SharedSheet shared = registry.find(id).orElse(null);
        if (shared == null) {
            return "NO_SUCH_SHEET";
        }
        return registry.saveState(shared).filter(s -> s == SaveState.SAVED)
                .map(Enum::name)
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .onErrorReturnItem("TIMEOUT")
                .blockingFirst();
    }
}
