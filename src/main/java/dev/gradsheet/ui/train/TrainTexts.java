package dev.gradsheet.ui.train;

import dev.gradsheet.ui.common.Format;

/**
 * The training panel's and the lesson pages' texts, read through {@link dev.gradsheet.ui.i18n.Texts} from the bundles
 * ({@code i18n/train}, {@code i18n/lesson}) in the page's language.
 */
final class TrainTexts {
    private TrainTexts() {
    }

    /**
     * The text of {@code key} in the current UI's language. Numbers never go through
     * {@link java.text.MessageFormat}'s own formatting (it would write 12000 as "12,000"): whole numbers
     * become plain digits and other numbers {@link Format#readable}, so a decimal point stays a dot.
     */
    static String t(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Integer || a instanceof Long || a instanceof Short) {
                plain[i] = a.toString();
            } else if (a instanceof Number n) {
                plain[i] = Format.readable(n.doubleValue());
            } else {
                plain[i] = a;
            }
        }
        return dev.gradsheet.ui.i18n.Texts.t(key, plain);
    }
}
