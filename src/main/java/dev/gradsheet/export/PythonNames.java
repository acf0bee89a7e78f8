package dev.gradsheet.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Python variable each cell's tensor gets: the cell's own name where Python allows it, with a
 * generated step's dot made an underscore ({@code z.1} → {@code z_1}), and an underscore added to a
 * name that is a Python keyword or one the script itself uses ({@code lambda} → {@code lambda_},
 * {@code torch} → {@code torch_}) or that another cell already took.
 */
final class PythonNames {
    private static final Set<String> RESERVED = Set.of(
            // keywords
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            // what the script's functions use by name
            "torch", "math", "json", "sys", "argparse", "Decimal", "Context", "ROUND_HALF_UP", "DTYPE", "leaves",
            "cells", "number", "mse", "maximum", "minimum", "leaky_relu", "step", "pow", "softplus", "bce",
            "bce_logits", "print", "range", "dict", "len", "float", "int", "str", "zip", "list", "abs", "max", "min",
            "sum", "enumerate", "isinstance", "forward", "evaluate");

    private final Map<String, String> byCell = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    /**
     * The variable of cell {@code name}, the same every time it is asked. Ask for every user cell
     * before the generated ones, so {@code z.1} gives way to a user cell called {@code z_1}.
     */
    String of(String name) {
        return byCell.computeIfAbsent(name, n -> {
            String v = n.replace('.', '_');
            while (RESERVED.contains(v) || used.contains(v)) {
                v = v + "_";
            }
            used.add(v);
            return v;
        });
    }
}
