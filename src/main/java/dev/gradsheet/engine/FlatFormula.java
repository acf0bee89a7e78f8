package dev.gradsheet.engine;

/**
 * Recognises the formulas nearly every line of a big sheet has — {@code a * b}, {@code tanh(a)},
 * {@code mse(y, t)}, {@code weight(-0.5)}, {@code 2}, {@code a} — straight from the line's text, without
 * an {@link Expr} tree, a {@link Lowering} plan or a substring per name. Anything else (a compound
 * formula, a call with more than two arguments, anything malformed) is declined, and the caller
 * parses it the general way, which also gives every error message: this class never reports one.
 * One instance is reused for every line (not thread-safe).
 */
final class FlatFormula {
    /** The operation the formula is, once {@link #read} accepted it. */
    Op op;
    /** How many named arguments it has (0 to 2). */
    int argCount;
    /** Where each argument's name starts and ends in the text. */
    final int[] argFrom = new int[2];
    final int[] argTo = new int[2];
    /** The number of {@code input(v)}, {@code weight(v)} or a bare number. */
    double value;

    private static final Op[] OPS = Op.values();

    private String s;
    private int pos;
    private int end;

    /** Whether {@code s[from, to)} (a stripped formula) is one flat operation; sets the fields if so. */
    boolean read(String text, int from, int to) {
        s = text;
        pos = from;
        end = to;
        argCount = 0;
        value = 0;
        if (pos >= end) {
            return false;
        }
        char c = s.charAt(pos);
        if (c == '-' || isDigit(c) || c == '.') {
            op = Op.INPUT; // a bare number is an input
            return number() && pos == end;
        }
        if (!FormulaParser.isNameStart(c)) {
            return false;
        }
        int nameFrom = pos;
        int nameTo = name();
        space();
        if (pos == end) {
            op = Op.COPY;
            return arg(nameFrom, nameTo);
        }
        c = s.charAt(pos);
        if (c == '(') {
            return call(nameFrom, nameTo);
        }
        op = switch (c) {
            case '+' -> Op.ADD;
            case '-' -> Op.SUB;
            case '*' -> Op.MUL;
            case '/' -> Op.DIV;
            default -> null;
        };
        if (op == null) {
            return false;
        }
        pos++;
        space();
        if (pos >= end || !FormulaParser.isNameStart(s.charAt(pos))) {
            return false;
        }
        int rightFrom = pos;
        int rightTo = name();
        space();
        // "a + f(b)" is a call inside a formula: compound, declined
        return pos == end && arg(nameFrom, nameTo) && arg(rightFrom, rightTo);
    }

    /** {@code label(...)}, {@code pos} at the parenthesis: one or two names, or input/weight's number. */
    private boolean call(int labelFrom, int labelTo) {
        Op f = function(labelFrom, labelTo);
        if (f == null) {
            return false;
        }
        pos++; // '('
        space();
        if (f == Op.INPUT || f == Op.WEIGHT) {
            op = f;
            if (!number()) {
                return false;
            }
            space();
            return pos == end - 1 && s.charAt(pos) == ')';
        }
        while (true) {
            if (pos >= end || !FormulaParser.isNameStart(s.charAt(pos))) {
                return false;
            }
            int from = pos;
            int to = name();
            space();
            if (pos >= end || s.charAt(pos) == '(' || !arg(from, to)) {
                return false;
            }
            char c = s.charAt(pos++);
            if (c == ')') {
                break;
            }
            if (c != ',') {
                return false;
            }
            space();
        }
        op = f;
        return pos == end && argCount >= f.minArgs() && argCount <= f.maxArgs();
    }

    /** A number with an optional leading minus, as the parser reads it; false if it is not a plain finite one. */
    private boolean number() {
        boolean negative = false;
        if (pos < end && s.charAt(pos) == '-') {
            negative = true;
            pos++;
            space();
        }
        int from = pos;
        // The parser's number token: name characters, dots, and a sign right after an exponent mark.
        while (pos < end && (FormulaParser.isNamePart(s.charAt(pos)) || s.charAt(pos) == '.'
                || ((s.charAt(pos) == '+' || s.charAt(pos) == '-') && pos > from
                && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        if (pos == from || !(isDigit(s.charAt(from)) || s.charAt(from) == '.') || !isDecimal(from, pos)) {
            return false;
        }
        double v = Double.parseDouble(s.substring(from, pos));
        if (Double.isInfinite(v)) {
            return false;
        }
        value = negative ? -v : v;
        return true;
    }

    /** {@link Numbers#isDecimal} (unsigned) of {@code s[from, to)}. */
    private boolean isDecimal(int from, int to) {
        int i = from;
        int intDigits = 0;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    private boolean arg(int from, int to) {
        if (argCount == 2) {
            return false;
        }
        argFrom[argCount] = from;
        argTo[argCount] = to;
        argCount++;
        return true;
    }

    private int name() {
        while (pos < end && FormulaParser.isNamePart(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private void space() {
        while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** The function {@code s[from, to)} names ({@link Op#function}), without a substring. */
    private Op function(int from, int to) {
        for (Op candidate : OPS) {
            String label = candidate.label();
            if (label.length() == to - from && s.startsWith(label, from)) {
                return Op.function(label);
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
