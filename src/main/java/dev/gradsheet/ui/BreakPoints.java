package dev.gradsheet.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Where a formula or a local derivative may wrap in the grid: after "(", "," and "/" (and at spaces),
 * never inside a name or a number. The text is rendered in pieces with {@code <wbr>} between them, so
 * the browser breaks only there ({@code overflow-wrap: normal} in gradsheet.css); the pieces are plain
 * text, never HTML, and together read exactly as the text does.
 */
final class BreakPoints {
    /** At most this many pieces; the rest stays in the last. */
    static final int PIECES = 6;

    private BreakPoints() {
    }

    /** {@code text} cut after each "(", "," and "/", in at most {@link #PIECES} pieces (unused ones empty). */
    static String[] pieces(String text) {
        String[] out = new String[PIECES];
        Arrays.fill(out, "");
        int piece = 0;
        int start = 0;
        for (int i = 0; i < text.length() && piece < PIECES - 1; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ',' || c == '/') {
                out[piece++] = text.substring(start, i + 1);
                start = i + 1;
            }
        }
        out[piece] = text.substring(start);
        return out;
    }

    /** A renderer showing {@code text} of each item in pieces that may wrap only between them. */
    static <T> LitRenderer<T> renderer(Function<T, String> text) {
        StringBuilder template = new StringBuilder("<span>");
        for (int i = 0; i < PIECES; i++) {
            template.append(i == 0 ? "" : "<wbr>").append("${item.p").append(i).append('}');
        }
        LitRenderer<T> renderer = LitRenderer.of(template.append("</span>").toString());
        for (int i = 0; i < PIECES; i++) {
            int at = i;
            renderer.withProperty("p" + i, item -> pieces(text.apply(item))[at]);
        }
        return renderer;
    }
}
