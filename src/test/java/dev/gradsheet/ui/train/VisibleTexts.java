package dev.gradsheet.ui.train;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text a person reads or hears in a component tree: text nodes, labels, placeholders, helper
 * texts, titles, tooltips, aria-labels, grid headers, a Details' summary and a Dialog's header; and a
 * check that none of them is English apart from cell names, formulas, numbers, op names and a short
 * list of names that stay as they are in Korean.
 */
final class VisibleTexts {
    /** Words that stay as they are in a Korean page: op names, cell names of the templates, acronyms. */
    static final Set<String> KEPT = Set.of("SGD", "XOR", "AND", "OR", "CSV", "csv", "txt", "MSE", "MLP", "ReLU", "relu",
            "tanh", "sigmoid", "step", "weight", "input", "out", "lambda", "reg", "NaN", "GradSheet", "kB", "ms");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final List<String> PROPERTIES = List.of("label", "placeholder", "helperText", "text", "headerTitle",
            "summary", "emptyText");
    private static final List<String> ATTRIBUTES = List.of("title", "aria-label", "placeholder", "label");

    private VisibleTexts() {
    }

    /** The texts in {@code root}'s tree, leaving out the subtrees {@code skip} matches. */
    static List<String> of(Component root, Predicate<Component> skip) {
        Set<String> out = new LinkedHashSet<>();
        collect(root, skip, out);
        return new ArrayList<>(out);
    }

    private static void collect(Component c, Predicate<Component> skip, Set<String> out) {
        if (skip.test(c)) {
            return;
        }
        if (c instanceof Grid<?> grid) {
            grid.getColumns().forEach(col -> add(out, col.getHeaderText()));
        }
        if (c instanceof Details details) {
            add(out, details.getSummaryText());
        }
        if (c instanceof Dialog dialog) {
            add(out, dialog.getHeaderTitle());
            dialog.getFooter().getElement().getChildren().forEach(e -> e.getComponent().ifPresent(f -> collect(f, skip, out)));
        }
        element(c.getElement(), out, true);
        c.getChildren().forEach(child -> collect(child, skip, out));
    }

    /** This element's own texts and those of child elements that are no components of their own (tooltips, slots). */
    private static void element(Element e, Set<String> out, boolean own) {
        if (!own && e.getComponent().isPresent()) {
            return;
        }
        if (e.isTextNode()) {
            add(out, e.getText());
            return;
        }
        for (String p : PROPERTIES) {
            Object v = e.getPropertyRaw(p);
            if (v instanceof String s) {
                add(out, s);
            }
        }
        for (String a : ATTRIBUTES) {
            add(out, e.getAttribute(a));
        }
        e.getChildren().forEach(child -> element(child, out, false));
    }

    private static void add(Set<String> out, String text) {
        if (text != null && !text.isBlank()) {
            out.add(text.strip());
        }
    }

    /** The Latin words of {@code text} that are not kept names, numbers' letters or one- or two-letter cell names. */
    static List<String> englishWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() > 2 && !KEPT.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The texts that hold an English word. */
    static List<String> english(List<String> texts) {
        return texts.stream().filter(t -> !englishWords(t).isEmpty()).toList();
    }
}
