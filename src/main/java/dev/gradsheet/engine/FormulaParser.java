package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a formula such as {@code mse((x + y) * z, t)} into an {@link Expr}. A small recursive-descent
 * parser; nesting is capped at {@link #MAX_DEPTH} so absurd input gets a message, not a stack overflow.
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 */
public final class FormulaParser {
    /** Deepest nesting of parentheses and unary minus a formula may have. */
    public static final int MAX_DEPTH = 100;
    /**
     * Most binary operators a formula may have: {@code a + b + c + ...} nests one level per operator
     * in the tree, which the steps after parsing walk recursively.
     */
    public static final int MAX_OPERATORS = 1000;

    private final String text;
    private int pos;
    private int depth;
    private int operators;

    private FormulaParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}; errors name the 1-based column. */
    public static Expr parse(String text) throws FormulaException {
        FormulaParser p = new FormulaParser(text);
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw new FormulaException(1, EditRefusedException.Detail.EMPTY_FORMULA, "empty formula");
        }
        Expr e = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.unexpected(text.charAt(p.pos));
        }
        return e;
    }

    /** Whether {@code name} is a valid cell name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNamePart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Expr expr() throws FormulaException {
        Expr left = term();
        while (true) {
            skipSpace();
            int col = pos + 1;
            if (eat('+')) {
                countOperator();
                left = new Expr.Binary(Op.ADD, left, term(), col);
            } else if (eat('-')) {
                countOperator();
                left = new Expr.Binary(Op.SUB, left, term(), col);
            } else {
                return left;
            }
        }
    }

    private Expr term() throws FormulaException {
        Expr left = unary();
        while (true) {
            skipSpace();
            int col = pos + 1;
            if (eat('*')) {
                countOperator();
                left = new Expr.Binary(Op.MUL, left, unary(), col);
            } else if (eat('/')) {
                countOperator();
                left = new Expr.Binary(Op.DIV, left, unary(), col);
            } else {
                return left;
            }
        }
    }

    private Expr unary() throws FormulaException {
        skipSpace();
        int col = pos + 1;
        if (eat('-')) {
            enter();
            Expr arg = unary();
            depth--;
            return new Expr.Neg(arg, col);
        }
        if (eat('+')) {
            return unary();
        }
        return primary();
    }

    private Expr primary() throws FormulaException {
        skipSpace();
        if (pos >= text.length()) {
            throw new FormulaException(pos + 1, EditRefusedException.Detail.ENDS_EARLY, "formula ends where a value was expected");
        }
        char c = text.charAt(pos);
        int col = pos + 1;
        if (c == '(') {
            pos++;
            enter();
            Expr inner = expr();
            depth--;
            expect(')', "missing ')'");
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (isNameStart(c)) {
            String name = name();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, col);
            }
            return new Expr.Ref(name, col);
        }
        throw unexpected(c);
    }

    private Expr call(String name, int col) throws FormulaException {
        Op op = Op.function(name);
        if (op == null) {
            throw new FormulaException(col, EditRefusedException.Detail.UNKNOWN_FUNCTION, "unknown function " + Messages.quote(name), name);
        }
        pos++; // '('
        enter();
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (!eat(')')) {
            do {
                args.add(expr());
                skipSpace();
            } while (eat(','));
            expect(')', "missing ')' after the arguments of " + name);
        }
        depth--;
        if (args.size() < op.minArgs() || args.size() > op.maxArgs()) {
            throw new FormulaException(col, name + " takes " + arity(op) + ", not " + args.size());
        }
        return new Expr.Call(op, args, col); // a fresh list per call, never changed after
    }

    private static String arity(Op op) {
        if (op.maxArgs() == Integer.MAX_VALUE) {
            return "at least " + op.minArgs() + " argument" + (op.minArgs() == 1 ? "" : "s");
        }
        if (op.minArgs() != op.maxArgs()) {
            return op.minArgs() + " or " + op.maxArgs() + " arguments";
        }
        return op.minArgs() + " argument" + (op.minArgs() == 1 ? "" : "s");
    }

    private Expr number() throws FormulaException {
        int start = pos;
        while (pos < text.length() && (isNamePart(text.charAt(pos)) || text.charAt(pos) == '.'
                || ((text.charAt(pos) == '+' || text.charAt(pos) == '-')
                && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (!Numbers.isDecimal(token, false)) {
            throw new FormulaException(start + 1, EditRefusedException.Detail.BAD_NUMBER, "bad number " + Messages.quote(token), token);
        }
        double v = Double.parseDouble(token);
        if (Double.isInfinite(v)) {
            throw new FormulaException(start + 1, "number out of range " + Messages.quote(token));
        }
        return new Expr.Num(v, start + 1);
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void countOperator() throws FormulaException {
        if (++operators > MAX_OPERATORS) {
            throw error("formula has more than " + MAX_OPERATORS + " operators: split it into several cells"
                    + " or use sum(...)");
        }
    }

    private void enter() throws FormulaException {
        if (++depth > MAX_DEPTH) {
            throw error("formula nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c, String message) throws FormulaException {
        skipSpace();
        if (!eat(c)) {
            throw error(message);
        }
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private FormulaException unexpected(char c) {
        return new FormulaException(pos + 1, EditRefusedException.Detail.UNEXPECTED, "unexpected " + Messages.quote(String.valueOf(c)),
                String.valueOf(c));
    }

    private FormulaException error(String message) {
        return new FormulaException(pos + 1, message);
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
