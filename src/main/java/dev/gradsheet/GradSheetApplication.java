package dev.gradsheet;

import dev.gradsheet.cli.GradSheetCli;
import dev.gradsheet.launch.Main;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the one jar: with a command ({@code eval}, {@code step}, {@code check}, ...) it runs
 * the command line and starts no server; with no arguments (or only {@code --spring} options) it
 * serves the web app.
 */
@SpringBootApplication
public class GradSheetApplication {
    public static void main(String[] args) {
        if (Main.isCommand(args)) {
            System.exit(GradSheetCli.run(args));
        }
        SpringApplication.run(GradSheetApplication.class, args);
    }
}
