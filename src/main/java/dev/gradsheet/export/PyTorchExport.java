package dev.gradsheet.export;

import dev.gradsheet.engine.Op;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BatchOrder;
import dev.gradsheet.train.Binding;
import dev.gradsheet.train.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sheet as a plain PyTorch script: one float64 tensor per cell, named as the cell, each computed
 * from its arguments' tensors; {@code backward()} gives every gradient, printed in
 * {@code gradsheet eval}'s layout (or its JSON). {@code --steps N --lr X} takes the SGD steps
 * {@code gradsheet step} takes; with a data table, {@code --train} runs {@code gradsheet train}'s
 * mini-batch loop on the same batches — their order is written into the script, so no random
 * generator has to agree. The script runs on torch 1.13 and later.
 */
public final class PyTorchExport {
    /** How the script trains on the sheet's data table: {@code gradsheet train}'s options. */
    public record Training(int batch, int epochs, long seed, boolean shuffle) {
        /** {@code gradsheet train}'s defaults: every sample in a batch, 100 epochs, seed 1, shuffled. */
        public static final Training DEFAULT = new Training(0, 100, 1, true);
    }

    private PyTorchExport() {
    }

    /** Refuses a script that would be above {@link ExportLimits} or whose training cannot run as asked. */
    public static void check(SheetFile.Loaded loaded, Training training) throws ExportRefusedException {
        int cells = loaded.sheet().size();
        if (cells > ExportLimits.MAX_CELLS) {
            throw new ExportRefusedException(String.format(Locale.ROOT,
                    "the sheet has %,d cells; a PyTorch script takes at most %,d", cells, ExportLimits.MAX_CELLS));
        }
        DataTable data = loaded.data();
        if (data == null) {
            return;
        }
        if (training.batch() < 0 || training.epochs() < 1) {
            throw new ExportRefusedException("batch size and epochs must be positive, not " + training.batch() + " and "
                    + training.epochs());
        }
        if (training.batch() > data.size()) {
            throw new ExportRefusedException("batch size " + training.batch() + " is larger than the " + data.size() + " samples");
        }
        if (data.size() > ExportLimits.MAX_DATA_ROWS
                || (training.shuffle() && (long) training.epochs() * data.size() > ExportLimits.MAX_ORDER_ENTRIES)) {
            throw new ExportRefusedException(String.format(Locale.ROOT,
                    "%,d epochs of %,d samples is too long a batch order to write into a script (at most %,d samples"
                            + " in all); ask for fewer epochs", training.epochs(), data.size(), ExportLimits.MAX_ORDER_ENTRIES));
        }
    }

    /** The script of {@code loaded}; {@code source} names the sheet in its opening comment. */
    public static String write(SheetFile.Loaded loaded, String source, Training training) throws ExportRefusedException {
        check(loaded, training);
        ExportGraph graph = ExportGraph.of(loaded.sheet());
        StringBuilder out = new StringBuilder(64 * graph.size() + 8192);
        header(out, loaded, source);
        out.append(resource("pytorch-ops.py")).append('\n');
        new SheetCode(graph, out).write();
        training(out, loaded, training, source);
        out.append('\n').append(resource("pytorch-main.py"));
        return out.toString();
    }

    private static void header(StringBuilder out, SheetFile.Loaded loaded, String source) {
        out.append("#!/usr/bin/env python3\n\"\"\"GradSheet sheet ").append(source.replace("\"\"\"", "'''"))
                .append(" as PyTorch: every cell a float64 tensor, backward() for every gradient.\n\n");
        String description = loaded.description();
        if (description != null && !description.isBlank()) {
            out.append(description.strip().replace("\\", "/").replace("\"\"\"", "'''")).append("\n\n");
        }
        out.append("""
                Each cell is a tensor named as the cell (a formula's intermediate step z.1 is z_1); inputs
                and weights are leaf tensors with requires_grad=True (an input's gradient is printed too,
                only the weights learn). Run it with PyTorch 1.13 or later:

                    python3 this.py                    every cell's value and gradient, as gradsheet eval
                    python3 this.py --json             the same as gradsheet eval --json
                    python3 this.py --steps 3 --lr 0.1 SGD steps first, as gradsheet step
                    python3 this.py --train            the mini-batch training gradsheet train runs
                \"\"\"
                import argparse
                import json
                import math
                import sys
                from decimal import Context, Decimal, ROUND_HALF_UP

                import torch

                """);
    }

    /** The graph: settings, starting numbers, the cells' list and forward(). */
    private static final class SheetCode {
        private final ExportGraph graph;
        private final StringBuilder out;
        private final PythonNames names = new PythonNames();

        SheetCode(ExportGraph graph, StringBuilder out) {
            this.graph = graph;
            this.out = out;
            for (int i = 0; i < graph.size(); i++) {
                if (!graph.cell(i).generated()) {
                    names.of(graph.name(i));
                }
            }
        }

        void write() {
            out.append("\n# ---- The sheet -----------------------------------------------------------------------------\n\n");
            out.append("LR = ").append(PythonOps.literal(graph.learningRate)).append('\n');
            out.append("OBJECTIVE = ").append(graph.objective < 0 ? "None" : PythonOps.string(graph.name(graph.objective)))
                    .append("\n\n# Inputs and weights as the sheet has them (each number reads back bit for bit).\nSTART = {\n");
            for (int i = 0; i < graph.size(); i++) {
                if (graph.isLeaf(i)) {
                    out.append("    ").append(PythonOps.string(graph.name(i))).append(": ")
                            .append(PythonOps.literal(graph.cell(i).value())).append(",\n");
                }
            }
            out.append("}\n# The weights SGD moves, in GradSheet's order.\nWEIGHTS = [");
            List<String> weights = new ArrayList<>();
            for (int w : graph.weights()) {
                weights.add(PythonOps.string(graph.name(w)));
            }
            out.append(String.join(", ", weights)).append("]\n# Every cell as gradsheet eval lists it: name, kind, formula.\nCELLS = [\n");
            for (int i = 0; i < graph.size(); i++) {
                out.append("    (").append(PythonOps.string(graph.name(i))).append(", ").append(PythonOps.string(graph.cell(i).kind()))
                        .append(", ").append(PythonOps.string(graph.cell(i).formula())).append("),\n");
            }
            out.append("]\n# Cross-entropies in logits form (loss, its sigmoid cell p, target): see bce_logits.\nLOGITS_BCE = [");
            List<String> fused = new ArrayList<>();
            for (int i = 0; i < graph.size(); i++) {
                if (graph.isFusedBce(i) && graph.feedsObjective[i]) {
                    fused.add("(" + PythonOps.string(graph.name(i)) + ", " + PythonOps.string(graph.name(graph.args[i][0])) + ", "
                            + PythonOps.string(graph.name(graph.args[i][1])) + ")");
                }
            }
            out.append(String.join(", ", fused)).append("]\n\n\ndef forward(leaves):\n")
                    .append("    \"\"\"The sheet's graph: every cell's tensor, each computed after its arguments.\"\"\"\n");
            for (int i : graph.topological) {
                statement(i);
            }
            out.append("    return {");
            for (int i = 0; i < graph.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(i % 6 == 5 ? "\n            " : "")
                        .append(PythonOps.string(graph.name(i))).append(": ").append(names.of(graph.name(i)));
            }
            out.append("}\n");
        }

        /** The line (or lines, for a long sum) computing cell {@code i}. */
        private void statement(int i) {
            String v = names.of(graph.name(i));
            Op op = graph.ops[i];
            List<String> args = new ArrayList<>();
            for (int a : graph.args[i]) {
                args.add(names.of(graph.name(a)));
            }
            String code;
            if (op == Op.INPUT || op == Op.WEIGHT) {
                code = "leaves[" + PythonOps.string(graph.name(i)) + "]";
            } else if (op == Op.CONST) {
                code = "number(" + PythonOps.literal(graph.cell(i).value()) + ")";
            } else if (op == Op.SUM || op == Op.MEAN) {
                sum(v, args, op == Op.MEAN);
                return;
            } else if (graph.isFusedBce(i)) {
                int p = graph.args[i][0];
                code = "bce_logits(" + names.of(graph.name(graph.args[p][0])) + ", " + args.get(1) + ")  # bce("
                        + args.get(0) + ", " + args.get(1) + ") in logits form";
            } else {
                code = PythonOps.call(op, args);
            }
            out.append("    ").append(v).append(" = ").append(code);
            String formula = graph.cell(i).formula();
            if (!graph.isLeaf(i) && op != Op.CONST && !code.contains("#") && !code.equals(formula)) {
                out.append("  # ").append(graph.name(i)).append(" = ").append(formula);
            }
            out.append('\n');
        }

        /** A sum added left to right as GradSheet adds it, 40 terms a line (Python's parser nests long chains). */
        private void sum(String v, List<String> args, boolean mean) {
            if (args.size() == 1) {
                out.append("    ").append(v).append(" = ").append(args.get(0)).append(mean ? " / 1" : ".clone()").append('\n');
                return;
            }
            for (int from = 0; from < args.size(); from += 40) {
                List<String> part = args.subList(from, Math.min(args.size(), from + 40));
                out.append("    ").append(v).append(" = ").append(from == 0 ? "" : v + " + ").append(String.join(" + ", part)).append('\n');
            }
            if (mean) {
                out.append("    ").append(v).append(" = ").append(v).append(" / ").append(args.size()).append('\n');
            }
        }
    }

    /** The data, the training options and the batch order, or why the script cannot train. */
    private static void training(StringBuilder out, SheetFile.Loaded loaded, Training training, String source) {
        DataTable data = loaded.data();
        out.append("\n\n# ---- Training (python3 this.py --train) ---------------------------------------------------\n\n");
        String missing = "";
        if (data != null) {
            try {
                Binding.check(loaded.sheet(), data, data.columns(), source);
            } catch (DataException e) {
                missing = ": " + String.join("; ", e.lines());
                data = null;
            }
        }
        if (data == null) {
            out.append("DATA_COLUMNS = None\nDATA = None\nTRAIN = None\nORDER = None\nTRAIN_MISSING = ")
                    .append(PythonOps.string(missing)).append('\n');
            return;
        }
        int batch = training.batch() == 0 ? data.size() : training.batch();
        out.append("# The data table: each column binds to the input cell of its name.\nDATA_COLUMNS = [");
        List<String> columns = new ArrayList<>();
        for (String c : data.columns()) {
            columns.add(PythonOps.string(c));
        }
        out.append(String.join(", ", columns)).append("]\nDATA = [\n");
        for (int r = 0; r < data.size(); r++) {
            out.append("    [");
            for (int c = 0; c < data.columns().size(); c++) {
                out.append(c == 0 ? "" : ", ").append(PythonOps.literal(data.get(r, c)));
            }
            out.append("],\n");
        }
        out.append("]\n# gradsheet train --batch ").append(batch).append(" --epochs ").append(training.epochs())
                .append(training.shuffle() ? " --seed " + training.seed() : " --no-shuffle").append('\n');
        out.append("TRAIN = {\"batch\": ").append(batch).append(", \"epochs\": ").append(training.epochs())
                .append(", \"seed\": ").append(training.seed()).append("}\n");
        out.append("TRAIN_MISSING = \"\"\n");
        if (!training.shuffle()) {
            out.append("ORDER = None  # every epoch takes the samples in table order\n");
            return;
        }
        out.append("# The samples' order in each epoch, as gradsheet train shuffles them with this seed;\n"
                + "# each epoch is cut into batches front to back.\nORDER = [\n");
        BatchOrder orders = new BatchOrder(data.size(), training.seed(), true);
        for (int e = 0; e < training.epochs(); e++) {
            int[] order = orders.next();
            out.append("    [");
            for (int k = 0; k < order.length; k++) {
                out.append(k == 0 ? "" : ", ").append(order[k]);
            }
            out.append("],\n");
        }
        out.append("]\n");
    }

    private static String resource(String name) {
        try (InputStream in = PyTorchExport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
