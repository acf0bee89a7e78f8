package dev.gradsheet.launch;

import dev.gradsheet.cli.GradSheetCli;
import java.lang.reflect.InvocationTargetException;

/**
 * The jar's Main-Class: a command ({@code eval}, {@code step}, ...) runs the command line at once
 * from the plain classes at the jar's root; anything else hands over to Spring Boot's launcher,
 * which serves the web app from the nested jars in {@code BOOT-INF/}.
 *
 * <p>Why: Spring Boot's launcher opens every nested jar before {@code main} runs, which cost a
 * command most of its second; the command line needs none of the web stack. This class must not
 * touch Spring, Vaadin or Jackson so that a command loads only what it uses.
 */
public final class Main {
    private static final String SPRING_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final String WEB_APP = "dev.gradsheet.GradSheetApplication";

    private Main() {
    }

    /** Runs a command, or starts the web app. */
    public static void main(String[] args) throws Exception {
        if (isCommand(args)) {
            quietWorkbookLogging();
            System.exit(GradSheetCli.run(args));
        }
        startWebApp(args);
    }

    /**
     * True when the arguments name a command. The web app takes none, or only settings, in any order:
     * {@code --name=value} (Spring Boot reads every such argument as a setting, e.g.
     * {@code --gradsheet.limits.upload=64MB} or {@code --server.port=9090}) and any {@code --spring…}
     * or {@code --server…} option. Anything else — a command, {@code --help}, {@code --version} — is
     * the command line's.
     */
    public static boolean isCommand(String[] args) {
        for (String arg : args) {
            if (!isServerSetting(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isServerSetting(String arg) {
        return arg.startsWith("--spring") || arg.startsWith("--server") || isNameValue(arg);
    }

    /**
     * {@code --name=value} with a name of letters, digits and {@code . _ - [ ]} starting with a letter
     * (a plain loop: a command should not pay for compiling a pattern).
     */
    private static boolean isNameValue(String arg) {
        int eq = arg.indexOf('=');
        if (!arg.startsWith("--") || eq < 3 || !Character.isLetter(arg.charAt(2))) {
            return false;
        }
        for (int i = 3; i < eq; i++) {
            char c = arg.charAt(i);
            if (!Character.isLetterOrDigit(c) && ".-_[]".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The workbook library (Apache POI) logs through Log4j's API, which on the command line has no
     * logging behind it and would print a warning about that on the first workbook; its own simple
     * logger, errors only, says nothing unless something is wrong. The web app logs through SLF4J.
     */
    static void quietWorkbookLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private static void startWebApp(String[] args) throws Exception {
        Class<?> main;
        try {
            // In the jar: Spring Boot's launcher finds Start-Class (GradSheetApplication) in BOOT-INF.
            main = Class.forName(SPRING_LAUNCHER);
        } catch (ClassNotFoundException notInJar) {
            // From a classes folder (an IDE, a test): the application is on the class path itself.
            main = Class.forName(WEB_APP);
        }
        try {
            main.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
