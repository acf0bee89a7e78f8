package dev.gradsheet.load;

import dev.gradsheet.load.agent.LoadAgent;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server under load: the real jar ({@code java -jar}'s classes, its own Tomcat and database),
 * started through Spring Boot's {@code PropertiesLauncher} with the load agent
 * ({@link LoadAgent}: gauges and mocked students) and Karibu-Testing on {@code loader.path}. Its
 * log goes to a file; it is stopped with SIGTERM, or killed as {@code kill -9} does.
 */
public final class LoadServer implements AutoCloseable {
    private static final Pattern TOMCAT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
    private static final Pattern CONTROL = Pattern.compile("load-agent control port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;
    private final AgentClient agent;

    private LoadServer(Process process, Path log, int port, int controlPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.agent = new AgentClient(controlPort);
    }

    /**
     * Starts {@code jar} on data directory {@code data} with {@code heapMb} of heap and the given
     * Spring settings ({@code --name=value}), logging to {@code log}; waits (at most 3 minutes)
     * until both its web port and its control port are open.
     */
    public static LoadServer start(Path jar, Path data, Path log, int heapMb, List<String> settings) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built (mvn package first)");
        }
        Path work = log.toAbsolutePath().getParent();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + heapMb + "m",
                "-Dloader.path=" + String.join(",", agentPath(work.resolve("agent-classes"))),
                "-Dloader.main=" + LoadAgent.class.getName(),
                "-cp", jar.toAbsolutePath().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--server.port=0", "--gradsheet.data-dir=" + data.toAbsolutePath()));
        command.addAll(settings);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        Integer port = null;
        Integer control = null;
        while (System.nanoTime() < deadline && p.isAlive() && (port == null || control == null)) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = TOMCAT.matcher(text);
            port = m.find() ? Integer.valueOf(m.group(1)) : null;
            Matcher c = CONTROL.matcher(text);
            control = c.find() ? Integer.valueOf(c.group(1)) : null;
            sleep(200);
        }
        if (port == null || control == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the server did not start; its log:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new LoadServer(p, log, port, control);
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /**
     * The agent's package (copied out of the test classes alone: the whole test-classes folder would
     * bring the tests' Spring configurations into the app's component scan) and the Karibu-Testing
     * jars from this JVM's class path; everything else the agent needs is in the jar.
     */
    private static List<String> agentPath(Path into) throws IOException {
        Path classes;
        try {
            classes = Path.of(LoadAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String pkg = LoadAgent.class.getPackageName().replace('.', '/');
        Path target = into.resolve(pkg);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> path = new ArrayList<>();
        path.add(into.toAbsolutePath().toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (unix.endsWith(".jar") && (unix.contains("/com/github/mvysny/") || unix.contains("/org/jetbrains/kotlin/kotlin-test/"))) {
                path.add(entry);
            }
        }
        return path;
    }

    /** The web port. */
    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    public AgentClient agent() {
        return agent;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the server as {@code kill -9} does (no shutdown hook, no last save) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the server with SIGTERM, as a process manager does; kills it if it has not exited in 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
