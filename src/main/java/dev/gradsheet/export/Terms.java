package dev.gradsheet.export;

import java.util.List;

/**
 * A spreadsheet formula that is a sum of terms, {@code prefix + t1 + t2 + ... + suffix} (one term for
 * a formula that is no sum): kept apart so a sum too long for one cell can be split into partial sums
 * ({@link Spill}).
 *
 * @param prefix text before the sum, such as {@code "("} of a mean
 * @param terms  the terms, each a formula of its own; a term starting with {@code -} is subtracted
 * @param suffix text after the sum, such as {@code ")/3"}
 */
record Terms(String prefix, List<String> terms, String suffix) {
    Terms {
        terms = List.copyOf(terms);
    }

    /** A formula that is no sum. */
    static Terms of(String formula) {
        return new Terms("", List.of(formula), "");
    }

    /** A sum of {@code terms}, 0 when there are none. */
    static Terms sum(List<String> terms) {
        return terms.isEmpty() ? of("0") : new Terms("", terms, "");
    }

    /** The whole formula, without its {@code =}. */
    String text() {
        StringBuilder out = new StringBuilder(prefix);
        join(terms, out);
        return out.append(suffix).toString();
    }

    /** Terms added up: {@code a+b-c} (a term's leading minus serves as the operator). */
    static void join(List<String> terms, StringBuilder out) {
        for (int k = 0; k < terms.size(); k++) {
            String t = terms.get(k);
            if (k > 0 && !t.startsWith("-")) {
                out.append('+');
            }
            out.append(t);
        }
    }
}
