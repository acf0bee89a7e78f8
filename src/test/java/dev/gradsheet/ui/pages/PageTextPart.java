package dev.gradsheet.ui.pages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;

/**
 * Every text a person reads on the page as the browser shows it: the text drawn (light and shadow
 * DOM, what is displayed and not transparent only), tooltips, titles, aria-labels, placeholders; and the Latin words in
 * it that are neither a cell name, part of a formula, a number nor a name kept in every language.
 */
public final class PageTextPart extends PagePart {
    /** Names and abbreviations that stay as they are on a Korean page. */
    public static final Set<String> KEPT = Set.of("GradSheet", "English", "SGD", "CSV", "csv", "txt", "sheet", "XOR", "AND", "OR",
            "MSE", "MLP", "ReLU", "NaN", "kB", "ms", "Ctrl", "Shift", "Z", "Y", "CS231n", "ln", "dL", "lambda", "reg",
            "PyTorch", "xlsx", "py", "Excel", "backward");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String TEXTS_JS = """
            const out = [];
            const shown = (el) => !el.checkVisibility || el.checkVisibility({visibilityProperty: true, opacityProperty: true});
            const walk = (node) => {
              if (node.nodeType === Node.TEXT_NODE) {
                const t = node.textContent.trim();
                const parent = node.parentElement || (node.parentNode && node.parentNode.host);
                if (t && parent && shown(parent)) out.push(t);
                return;
              }
              if (node.nodeType === Node.ELEMENT_NODE) {
                const tag = node.tagName;
                if (tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE') return;
                if (tag === 'VAADIN-TOOLTIP') { if (node.text) out.push('tooltip: ' + node.text); return; }
                if (!shown(node)) return;
                for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
                  const v = node.getAttribute(a);
                  if (v && v.trim()) out.push(a + ': ' + v.trim());
                }
                if (node.shadowRoot) walk(node.shadowRoot);
              }
              for (const c of node.childNodes) walk(c);
            };
            walk(document.body);
            return out;""";

    public PageTextPart(WebDriver driver) {
        super(driver);
    }

    /** Every text on the page now. */
    @SuppressWarnings("unchecked")
    public List<String> texts() {
        return (List<String>) js(TEXTS_JS);
    }

    /**
     * The texts holding a Latin word that is not in {@code allowed} (cell names, op names, …), not in
     * {@link #KEPT}, not a derivative of a cell ({@code dz}), a number's exponent or one letter; each
     * with its word.
     */
    public List<String> latinWords(Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts()) {
            String words = text.replaceAll("/sheet/\\w+", "").replaceAll("[\\w-]+\\.(sheet|xlsx|py)", "")
                    .replaceAll("^(title|aria-label|placeholder|alt|tooltip): ", "");
            Matcher m = WORD.matcher(words);
            while (m.find()) {
                String w = m.group();
                boolean derivative = w.startsWith("d") && allowed.contains(w.substring(1));
                if (!allowed.contains(w) && !KEPT.contains(w) && !derivative && !w.matches("[A-Za-z]|e\\d+|\\d.*")) {
                    out.add(w + " in: " + text);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
