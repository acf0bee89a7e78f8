package dev.gradsheet.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example sheets shipped in the jar ({@code src/main/resources/examples}). */
public final class Examples {
    /** One example: a short id (its file name without {@code .sheet}) and a title for menus. */
    public record Example(String id, String title) {
        /** The example's {@code .sheet} text. */
        public String text() {
            try (InputStream in = Examples.class.getResourceAsStream("/examples/" + id + ".sheet")) {
                if (in == null) {
                    throw new IllegalStateException("example missing from the jar: " + id);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The example, read as a sheet. */
        public SheetFile.Loaded load() {
            try {
                return SheetFile.parse(text(), id + ".sheet");
            } catch (SheetFormatException e) {
                throw new IllegalStateException("bundled example does not parse: " + e.getMessage(), e);
            }
        }
    }

    /** The worked example of lesson item 9: what a new visitor sees first. */
    public static final Example WORKED = new Example("worked-example", "Worked example: f = (x + y)·z");

    public static final List<Example> ALL = List.of(
            WORKED,
            new Example("cs231n-neuron", "CS231n sigmoid neuron"),
            new Example("step-neuron", "Threshold (step) neuron"),
            new Example("sigmoid-bce", "Sigmoid neuron with cross-entropy"),
            new Example("two-layer", "2-2-1 tanh network"),
            new Example("saturation", "Saturated sigmoid"));

    private Examples() {
    }

    /** Whether {@code bytes} are exactly an example's text (or empty): opening it is free. */
    public static boolean isExampleText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.isEmpty() || ALL.stream().anyMatch(e -> e.text().equals(text));
    }

    /** The example with this id, or null. */
    public static Example byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }
}
