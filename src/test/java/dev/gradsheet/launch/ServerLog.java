package dev.gradsheet.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For tests that start the app as a process: waits for its port in the log. */
public final class ServerLog {
    private ServerLog() {
    }

    /** Reads the server's log until Tomcat names its port; fails with the log if it exits first. */
    public static int awaitPort(Process p) throws IOException {
        Pattern started = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
        StringBuilder log = new StringBuilder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = started.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        reader.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the web app did not start:\n" + log);
    }
}
