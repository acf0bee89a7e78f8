package dev.gradsheet.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which cell names can be a workbook's defined names: Excel, LibreOffice and Google Sheets refuse
 * names that read as a cell reference ({@code x1}, {@code b2}, {@code R}, {@code C3}), the words
 * TRUE and FALSE, and two names differing only in case. Those cells keep their row, just no name.
 */
final class DefinedNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A1 references (a column of up to three letters, a row) and R1C1 ones. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z]{1,3}[0-9]+|[RrCc]|[Rr][0-9]*[Cc][0-9]*|[RrCc][0-9]+");

    private final Set<String> taken = new HashSet<>();

    /** Whether {@code name} may be defined, and if so takes it, so a later name differing in case is refused. */
    boolean take(String name) {
        if (!PLAIN.matcher(name).matches() || REFERENCE.matcher(name).matches()
                || name.equalsIgnoreCase("TRUE") || name.equalsIgnoreCase("FALSE")) {
            return false;
        }
        return taken.add(name.toLowerCase(Locale.ROOT));
    }
}
