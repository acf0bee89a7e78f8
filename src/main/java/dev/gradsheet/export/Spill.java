package dev.gradsheet.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fits a sum into spreadsheet cells: Excel takes formulas of at most 8,192 characters, so a sum of
 * hundreds of terms (a weight's gradient in a wide layer, a {@code sum} over many cells) is split
 * into partial sums in helper cells, and the cell adds up those. The helper cells come from the
 * caller, which knows where its sheet has room.
 */
final class Spill {
    /** Characters a formula may have here: well under Excel's limit, so references may grow when copied. */
    static final int MAX_FORMULA = 4000;

    private Spill() {
    }

    /**
     * The formula text for {@code f}, writing partial sums through {@code helper} (which stores a
     * formula in a new cell and returns a reference to it) when {@code f} is too long.
     */
    static String fit(Terms f, Function<String, String> helper) {
        String text = f.text();
        if (text.length() <= MAX_FORMULA) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int length = 0;
        for (String term : f.terms()) {
            if (!chunk.isEmpty() && length + term.length() + 1 > MAX_FORMULA) {
                parts.add(helper.apply(Terms.sum(chunk).text()));
                chunk = new ArrayList<>();
                length = 0;
            }
            chunk.add(term);
            length += term.length() + 1;
        }
        parts.add(helper.apply(Terms.sum(chunk).text()));
        return fit(new Terms(f.prefix(), parts, f.suffix()), helper);
    }
}
