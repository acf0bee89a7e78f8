package dev.gradsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of {@code docs/} as the tests that keep it true read it: a section under a heading, or a
 * fenced code block by its title ({@code ```java title="src/main/java/example/Main.java"}). A test
 * that reads the page instead of a copy of its text fails when the page and the code part.
 */
public final class MarkdownDoc {
    private final Path path;
    private final List<String> lines;

    private MarkdownDoc(Path path, List<String> lines) {
        this.path = path;
        this.lines = lines;
    }

    /** Reads a page, for example {@code docs/sheet-format.md} from the repository's top folder. */
    public static MarkdownDoc read(Path path) throws IOException {
        return new MarkdownDoc(path, Files.readAllLines(path));
    }

    /**
     * The text from the heading line (such as {@code "## Formulas"}) up to the next heading of the same
     * or a higher level; a {@code #} line inside a code block is not a heading.
     */
    public String section(String heading) {
        int level = level(heading);
        int from = -1;
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean heads = !inCode && level(line) > 0;
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (from < 0) {
                if (heads && line.equals(heading)) {
                    from = i;
                    out.append(line).append('\n');
                }
            } else if (heads && level(line) <= level) {
                break;
            } else {
                out.append(line).append('\n');
            }
        }
        if (from < 0) {
            throw new AssertionError(path + " has no heading '" + heading + "'");
        }
        return out.toString();
    }

    /** The lines of the one fenced block titled {@code title}, each ending with a newline. */
    public String block(String title) {
        List<String> found = new ArrayList<>();
        String opening = " title=\"" + title + "\"";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```") && line.endsWith(opening)) {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).equals("```"); j++) {
                    text.append(lines.get(j)).append('\n');
                }
                if (j == lines.size()) {
                    throw new AssertionError(path + ": the block '" + title + "' is not closed");
                }
                found.add(text.toString());
                i = j;
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(path + " has " + found.size() + " blocks titled '" + title + "', not one");
        }
        return found.get(0);
    }

    /** 1 for "# …", 2 for "## …", and so on; 0 for a line that is not a heading. */
    private static int level(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
    }
}
