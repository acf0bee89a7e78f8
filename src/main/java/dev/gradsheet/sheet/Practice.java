package dev.gradsheet.sheet;

import dev.gradsheet.engine.Cell;
import java.util.List;

/**
 * Which numbers a practice sheet hides from the student ({@code @practice = gradients} or
 * {@code @practice = values}, optionally {@code of q, f}): a teacher saves a sheet with this setting
 * and a student who opens it starts in practice mode.
 *
 * @param hide  what is hidden; {@link Hide#OFF} for a normal sheet
 * @param cells the chosen cells, or empty for all: every gradient but the objective's (inputs' and
 *              weights' included, since those are what homework asks for) and, in
 *              {@link Hide#VALUES}, every value but the inputs', weights' and constants'
 */
public record Practice(Hide hide, List<String> cells) {
    /** Not a practice sheet. */
    public static final Practice OFF = new Practice(Hide.OFF, List.of());

    /** What practice mode hides. */
    public enum Hide {
        /** Nothing: not in practice mode. */
        OFF,
        /** The gradients of the practised cells. */
        GRADIENTS,
        /** The values and the gradients of the practised cells. */
        VALUES
    }

    public Practice {
        cells = List.copyOf(cells);
    }

    public boolean on() {
        return hide != Hide.OFF;
    }

    /**
     * Whether {@code c}'s gradient is hidden on a sheet whose objective is {@code objective}: a chosen
     * cell's, or with none chosen every cell's but a constant's and the objective's (which is 1 by
     * definition, so asking for it would only pad the score).
     */
    public boolean hidesGrad(Cell c, String objective) {
        if (!on()) {
            return false;
        }
        return cells.isEmpty() ? !c.kind().equals("const") && !c.name().equals(objective) : cells.contains(c.name());
    }

    /**
     * Whether {@code c}'s value is hidden: a chosen cell's, or with none chosen every cell's but the
     * inputs', weights' and constants' (those are given, the forward pass computes the rest).
     */
    public boolean hidesValue(Cell c) {
        if (hide != Hide.VALUES) {
            return false;
        }
        return cells.isEmpty() ? !c.isEditableValue() && !c.kind().equals("const") : cells.contains(c.name());
    }

    /** The setting's text after {@code @practice = }, or null when off. */
    public String settingText() {
        if (!on()) {
            return null;
        }
        String what = hide == Hide.VALUES ? "values" : "gradients";
        return cells.isEmpty() ? what : what + " of " + String.join(", ", cells);
    }

    /** Parses the text after {@code @practice = }; null when it is not one of the forms. */
    public static Practice parse(String text) {
        String t = text.strip();
        String what = t;
        List<String> chosen = List.of();
        int of = t.indexOf(" of ");
        if (of >= 0) {
            what = t.substring(0, of).strip();
            chosen = java.util.Arrays.stream(t.substring(of + 4).split(",")).map(String::strip).toList();
            if (chosen.stream().anyMatch(String::isEmpty)) {
                return null;
            }
        }
        return switch (what) {
            case "gradients" -> new Practice(Hide.GRADIENTS, chosen);
            case "values" -> new Practice(Hide.VALUES, chosen);
            case "off" -> OFF;
            default -> null;
        };
    }
}
