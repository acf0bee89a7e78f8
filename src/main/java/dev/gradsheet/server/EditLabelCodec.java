package dev.gradsheet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gradsheet.engine.EditLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EditLabel} as stored in a revision's {@code edit_label} column: a JSON array of the kind's
 * name and its arguments, a label argument being an array itself —
 * {@code ["UNDO",["SET_VALUE","z",-3.0]]}. No words of any language, so a revision saved from one
 * page reads in every other. Text longer than {@link #TEXT_CHARS} (a long formula) is kept shortened.
 */
final class EditLabelCodec {
    /** The longest text argument kept whole; longer ones end in "…". */
    static final int TEXT_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EditLabelCodec() {
    }

    /** The stored form of {@code label}. */
    static String encode(EditLabel label) {
        try {
            return JSON.writeValueAsString(tree(label));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an edit label could not be written: " + label.kind(), e);
        }
    }

    private static ArrayNode tree(EditLabel label) {
        ArrayNode out = JSON.createArrayNode();
        out.add(label.kind().name());
        List<EditLabel.Arg> args = label.kind().arguments();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case TEXT -> out.add(shortened(label.text(i)));
                case NUMBER -> out.add(label.number(i));
                case COUNT -> out.add(label.count(i));
                case LABEL -> out.add(tree(label.label(i)));
            }
        }
        return out;
    }

    private static String shortened(String text) {
        return text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS - 1) + "…";
    }

    /**
     * The label stored as {@code stored}.
     *
     * @throws IllegalArgumentException when it is not a stored label (of a kind this version knows)
     */
    static EditLabel decode(String stored) {
        try {
            return label(JSON.readTree(stored));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored edit label: " + stored, e);
        }
    }

    private static EditLabel label(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("an edit label is an array");
        }
        EditLabel.Kind kind = EditLabel.Kind.valueOf(node.get(0).asText());
        List<EditLabel.Arg> types = kind.arguments();
        if (node.size() != types.size() + 1) {
            throw new IllegalArgumentException(kind + " takes " + types.size() + " arguments");
        }
        List<Object> args = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            JsonNode a = node.get(i + 1);
            args.add(switch (types.get(i)) {
                case TEXT -> text(a);
                // NaN and infinities are written as strings by Jackson
                case NUMBER -> a.isNumber() ? a.doubleValue() : Double.parseDouble(text(a));
                case COUNT -> {
                    if (!a.canConvertToExactIntegral() || !a.canConvertToLong()) {
                        throw new IllegalArgumentException("not a count: " + a);
                    }
                    yield a.longValue();
                }
                case LABEL -> label(a);
            });
        }
        return new EditLabel(kind, args);
    }

    private static String text(JsonNode a) {
        if (!a.isTextual()) {
            throw new IllegalArgumentException("not text: " + a);
        }
        return a.textValue();
    }
}
