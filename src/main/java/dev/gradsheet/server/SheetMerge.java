package dev.gradsheet.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A three-way merge of {@code .sheet} texts, line by line keyed by what a line defines (a cell, a
 * setting, a claim, the description, the data table): what one side changed since the common base
 * is taken from that side, everything else from the other. Two servers that saved different cells
 * of one sheet at the same time thus keep both edits; when both changed the same cell, {@code ours}
 * (the save being written, the later one) wins.
 */
final class SheetMerge {
    private SheetMerge() {
    }

    /** The merge of {@code ours} and {@code theirs}, both edited from {@code base} (null: empty). */
    static String merge(String base, String ours, String theirs) {
        Map<String, String> b = keyed(base);
        Map<String, String> o = keyed(ours);
        Map<String, String> t = keyed(theirs);
        List<String> keys = new ArrayList<>(t.keySet());
        for (String k : o.keySet()) {
            if (!t.containsKey(k)) {
                keys.add(k);
            }
        }
        List<String> order = new ArrayList<>();
        for (String section : List.of("#", "@", "=", "@expect", "@data")) {
            for (String k : keys) {
                if (section(k).equals(section)) {
                    order.add(k);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String k : order) {
            String mine = o.get(k);
            String chosen = Objects.equals(mine, b.get(k)) ? t.get(k) : mine;
            if (chosen != null) {
                out.append(chosen);
            }
        }
        return out.toString();
    }

    private static String section(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    /** Each definition of the text under its key, with its line(s) and their line ends. */
    private static Map<String, String> keyed(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String key;
            if (trimmed.startsWith("#")) {
                key = "#";
            } else if (trimmed.startsWith("@data") || trimmed.startsWith("@row")) {
                key = "@data";
            } else if (trimmed.startsWith("@expect")) {
                String target = trimmed.substring("@expect".length()).strip();
                int eq = target.indexOf('=');
                key = "@expect " + (eq < 0 ? target : target.substring(0, eq).strip());
            } else if (trimmed.startsWith("@")) {
                int eq = trimmed.indexOf('=');
                key = "@ " + (eq < 0 ? trimmed : trimmed.substring(0, eq).strip());
            } else {
                int eq = trimmed.indexOf('=');
                key = "= " + (eq < 0 ? trimmed : trimmed.substring(0, eq).strip());
            }
            out.merge(key, line + "\n", String::concat);
        }
        return out;
    }
}
