package dev.gradsheet.ui.common;

import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.gradsheet.server.LogText;
import org.springframework.stereotype.Component;

/**
 * Vaadin's error handling with the visitor's text capped in the log. Vaadin logs an unexpected error
 * with its message twice (the line and the exception), and a message can quote a whole request: a
 * page message of junk made two log lines of 105 million characters each. An error whose messages
 * are longer than {@link LogText#MAX_CHARS} is handed on as a stand-in with the same class name,
 * stack and causes but its messages capped and escaped ({@link LogText}); any other goes on as is.
 * Every session gets it when it starts.
 */
@Component
public class CappedErrorHandler extends DefaultErrorHandler implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable t = event.getThrowable();
        super.error(quotesTooMuch(t) ? new ErrorEvent(capped(t)) : event);
    }

    /** Causes followed at most (a chain is a few long; this bounds a looping one). */
    private static final int MAX_CAUSES = 16;

    private static boolean quotesTooMuch(Throwable t) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_CAUSES; depth++, c = c.getCause()) {
            String message = c.getMessage();
            if (message != null && message.length() > LogText.MAX_CHARS) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in for {@code t}: "class: capped message", t's stack, its causes capped alike. */
    static Throwable capped(Throwable t) {
        return capped(t, 0);
    }

    private static Throwable capped(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || depth + 1 >= MAX_CAUSES ? null : capped(t.getCause(), depth + 1);
        Throwable out = new CappedMessage(t.getClass().getName() + ": " + LogText.of(t.getMessage()), cause);
        out.setStackTrace(t.getStackTrace());
        return out;
    }

    /** An exception whose message was capped for the log (its class name is the first words of the message). */
    static final class CappedMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CappedMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
