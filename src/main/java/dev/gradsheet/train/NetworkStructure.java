package dev.gradsheet.train;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Op;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layers of neurons and the weighted connections a sheet's cells form, found from the formulas
 * alone — names do not matter — for the network view. The rule:
 *
 * <ul>
 *   <li>A <b>weighted sum</b> is what a chain of {@code +} and {@code sum(…)} (and copies) adds up, in
 *       any order and over any number of cells; its terms are products {@code w × n} of a weight (a
 *       cell SGD moves) and a neuron — these are the <b>edges</b> — plus biases (weights) and
 *       constants.</li>
 *   <li>A <b>neuron</b> is an input that a weight multiplies, an activation cell ({@code sigmoid},
 *       {@code tanh}, {@code relu}, {@code leaky_relu}, {@code softplus}, {@code step}) of a weighted
 *       sum, or a named weighted sum that no activation or further sum takes in (a linear output).</li>
 *   <li>A neuron's <b>layer</b> is its longest-path depth among neurons (inputs are layer 0).</li>
 * </ul>
 *
 * <p>A sheet is drawn only when that picture is honest; otherwise it is {@link #refusal() refused},
 * with a {@link Reason} and the cells it concerns: no neuron at all, a weight used by two
 * connections (or as two biases, or as an edge and a bias), a term of a neuron's sum that is not
 * weight × neuron, a bias or a constant, a product weight × neuron outside every neuron's sum, two
 * edges between the same neurons, or an edge that skips a layer. Uses of a weight outside the
 * neurons' sums (a penalty {@code lambda * sum(w * w, …)}) are not connections and are ignored.
 * Neurons keep the sheet's order within a layer. No Vaadin: the view translates the reasons.
 */
public final class NetworkStructure {
    /** The activation functions whose cells are neurons. */
    static final Set<String> ACTIVATIONS = Set.of(Op.SIGMOID.label(), Op.TANH.label(), Op.RELU.label(),
            Op.LEAKY_RELU.label(), Op.SOFTPLUS.label(), Op.STEP.label());
    private static final String ADD = Op.ADD.label();
    private static final String SUM = Op.SUM.label();
    private static final String COPY = Op.COPY.label();
    private static final String MUL = Op.MUL.label();

    /** A neuron: its cell, layer (column) and row within the layer, with the cell's value and gradient then. */
    public record Neuron(String cell, int layer, int row, double value, double grad) {
    }

    /** A connection: the weight that multiplies {@code from}'s output into {@code to}'s sum, and its value and gradient then. */
    public record Edge(String weight, Neuron from, Neuron to, double value, double grad) {
    }

    /** Why a sheet's graph is not drawn as a network. */
    public enum Reason {
        /** No activation of a weighted sum and no linear weighted sum: nothing to draw. */
        NO_NEURONS,
        /** Cells: the weight, and what it multiplies (neither an input nor a neuron). No neurons either. */
        WEIGHT_ON_NON_NEURON,
        /** Cells: the weight, the first and the second place it is used in the network. */
        SHARED_WEIGHT,
        /** Cells: the neuron, and the term of its sum that is not weight × neuron, a bias or a constant. */
        IRREGULAR_TERM,
        /** Cells: the weight and the neuron it multiplies, in a product that is no neuron's sum. */
        STRAY_EDGE,
        /** Cells: the two neurons, and the two weights connecting them. */
        TWO_EDGES,
        /** Cells: the weight, the neuron it comes from and the one it goes to, then their layers (as text). */
        SKIPS_LAYER
    }

    /** Why a sheet is refused, with the cells (and layers) the reason is about, in the order its javadoc lists them. */
    public record Refusal(Reason reason, List<String> arguments) {
    }

    private final List<List<Neuron>> layers;
    private final List<Edge> edges;
    private final Refusal refusal;

    private NetworkStructure(List<List<Neuron>> layers, List<Edge> edges, Refusal refusal) {
        this.layers = layers;
        this.edges = edges;
        this.refusal = refusal;
    }

    /** The neurons column by column (inputs first), empty when refused. */
    public List<List<Neuron>> layers() {
        return layers;
    }

    /** Every neuron, column by column. */
    public List<Neuron> neurons() {
        List<Neuron> all = new ArrayList<>();
        layers.forEach(all::addAll);
        return all;
    }

    /** The connections, by the neuron they go into (in layer order), then in the order its sum adds them. */
    public List<Edge> edges() {
        return edges;
    }

    /** Why the sheet is not drawn, or empty when it is a layered network. */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The inputs of layer 0, by cell name. */
    public List<String> inputs() {
        return layers.isEmpty() ? List.of() : layers.get(0).stream().map(Neuron::cell).toList();
    }

    /** The network of {@code sheet}, read in one pass under its lock (values and gradients of that moment). */
    public static NetworkStructure of(Sheet sheet) {
        return sheet.read(() -> {
            List<Cell> cells = sheet.cells();
            Map<String, List<String>> args = sheet.arguments();
            return new Finder(cells, args, sheet.evaluationOrder()).find();
        });
    }

    private static NetworkStructure refused(Reason reason, String... arguments) {
        return new NetworkStructure(List.of(), List.of(), new Refusal(reason, List.of(arguments)));
    }

    /** One analysis of one snapshot of the cells. */
    private static final class Finder {
        private final Map<String, Cell> cells = new LinkedHashMap<>();
        private final Map<String, List<String>> args;
        private final Map<String, List<String>> users = new HashMap<>();
        /** Neuron cells (never a copy) in evaluation order. */
        private final Set<String> neurons = new LinkedHashSet<>();
        /** Each non-input neuron's edges as (weight, source) pairs, in its sum's order, and its biases. */
        private final Map<String, List<String[]>> incoming = new HashMap<>();
        private final Map<String, List<String>> biases = new HashMap<>();
        /** Products weight × neuron that are terms of some neuron's sum. */
        private final Set<String> usedProducts = new HashSet<>();
        /** Every cell, arguments before users: the engine's evaluation order. */
        private final List<String> order;

        Finder(List<Cell> cells, Map<String, List<String>> args, List<String> evaluationOrder) {
            this.order = evaluationOrder;
            for (Cell c : cells) {
                this.cells.put(c.name(), c);
            }
            this.args = args;
            for (Map.Entry<String, List<String>> e : args.entrySet()) {
                for (String a : e.getValue()) {
                    users.computeIfAbsent(a, k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }

        NetworkStructure find() {
            for (String c : order) {
                String kind = kind(c);
                if (kind.equals(Op.INPUT.label())) {
                    if (multipliedByAWeight(c)) {
                        neurons.add(c);
                    }
                } else if (ACTIVATIONS.contains(kind)) {
                    Refusal bad = consider(c, args.get(c).get(0));
                    if (bad != null) {
                        return new NetworkStructure(List.of(), List.of(), bad);
                    }
                } else if ((kind.equals(ADD) || kind.equals(SUM) || kind.equals(MUL)) && !cells.get(c).generated()
                        && !absorbed(c)) {
                    Refusal bad = consider(c, c); // a linear neuron: the output or pre-activation at the end
                    if (bad != null) {
                        return new NetworkStructure(List.of(), List.of(), bad);
                    }
                }
            }
            Refusal bad = unweightedActivation();
            if (bad == null) {
                bad = strayEdge();
            }
            if (bad == null && incoming.isEmpty()) {
                return noNeurons();
            }
            if (bad == null) {
                bad = sharedWeight();
            }
            return bad != null ? new NetworkStructure(List.of(), List.of(), bad) : layered();
        }

        /**
         * Makes {@code cell} a neuron when {@code sum} adds up at least one weight × neuron; returns a
         * refusal when that sum also holds a term a network does not have.
         */
        private Refusal consider(String cell, String sum) {
            List<String> products = new ArrayList<>();
            List<String[]> in = new ArrayList<>();
            List<String> bias = new ArrayList<>();
            String odd = null;
            for (String t : terms(sum)) {
                String[] edge = edge(t);
                if (edge != null) {
                    products.add(t);
                    in.add(edge);
                } else if (isWeight(t)) {
                    bias.add(t);
                } else if (!kind(t).equals(Op.CONST.label()) && odd == null) {
                    odd = t;
                }
            }
            if (in.isEmpty()) {
                return null; // not a neuron (an activation of data, a loss's sum, a penalty …)
            }
            if (odd != null) {
                return new Refusal(Reason.IRREGULAR_TERM, List.of(cell, odd));
            }
            usedProducts.addAll(products);
            neurons.add(cell);
            incoming.put(cell, in);
            biases.put(cell, bias);
            return null;
        }

        /** The terms a chain of +, sum and copies adds up, left to right, each resolved through copies. */
        private List<String> terms(String sum) {
            List<String> out = new ArrayList<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.push(sum);
            while (!todo.isEmpty()) {
                String c = resolve(todo.pop());
                String kind = kind(c);
                if (kind.equals(ADD) || kind.equals(SUM)) {
                    List<String> a = args.get(c);
                    for (int k = a.size() - 1; k >= 0; k--) {
                        todo.push(a.get(k));
                    }
                } else {
                    out.add(c);
                }
            }
            return out;
        }

        /** {weight, neuron} when {@code c} is a product of a weight and a neuron (either order), else null. */
        private String[] edge(String c) {
            if (!kind(c).equals(MUL)) {
                return null;
            }
            String a = resolve(args.get(c).get(0));
            String b = resolve(args.get(c).get(1));
            if (isWeight(a) && neurons.contains(b)) {
                return new String[] {a, b};
            }
            if (isWeight(b) && neurons.contains(a)) {
                return new String[] {b, a};
            }
            return null;
        }

        /** Whether a sum is taken in by a further sum (a partial sum) or is an activation's argument. */
        private boolean absorbed(String c) {
            for (String u : users.getOrDefault(c, List.of())) {
                String kind = kind(u);
                if (kind.equals(ADD) || kind.equals(SUM) || kind.equals(COPY)
                        || ACTIVATIONS.contains(kind) && args.get(u).get(0).equals(c)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a weight multiplies {@code input} (directly or through copies of it). */
        private boolean multipliedByAWeight(String input) {
            Deque<String> aliases = new ArrayDeque<>();
            aliases.push(input);
            while (!aliases.isEmpty()) {
                String alias = aliases.pop();
                for (String u : users.getOrDefault(alias, List.of())) {
                    if (kind(u).equals(COPY)) {
                        aliases.push(u);
                    } else if (kind(u).equals(MUL)) {
                        List<String> a = args.get(u);
                        if (isWeight(resolve(a.get(0).equals(alias) ? a.get(1) : a.get(0)))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * An activation that is no neuron but takes in a neuron by another way than weight × neuron
         * ({@code relu(h)}, {@code tanh(s - c)} of a named sum s, {@code tanh(2 * h)}): drawing the
         * network without it would hide a layer.
         */
        private Refusal unweightedActivation() {
            for (String c : order) {
                if (!ACTIVATIONS.contains(kind(c)) || neurons.contains(c)) {
                    continue;
                }
                for (String t : terms(args.get(c).get(0))) {
                    boolean takesANeuron = neurons.contains(t);
                    for (String a : args.getOrDefault(t, List.of())) {
                        takesANeuron |= neurons.contains(resolve(a));
                    }
                    if (takesANeuron) {
                        return new Refusal(Reason.IRREGULAR_TERM, List.of(c, t));
                    }
                }
            }
            return null;
        }

        /** A weight × neuron product that no neuron's sum adds up would be a connection the picture drops. */
        private Refusal strayEdge() {
            for (String c : order) {
                String[] e = edge(c);
                if (e != null && !usedProducts.contains(c)) {
                    return new Refusal(Reason.STRAY_EDGE, List.of(e[0], e[1]));
                }
            }
            return null;
        }

        /** A weight in two places of the network (two edges, two biases, or both) has no one line to be. */
        private Refusal sharedWeight() {
            Map<String, String> firstUse = new HashMap<>();
            for (String n : neurons) {
                if (!incoming.containsKey(n)) {
                    continue; // an input
                }
                List<String> uses = new ArrayList<>();
                incoming.get(n).forEach(e -> uses.add(e[0]));
                uses.addAll(biases.get(n));
                for (String w : uses) {
                    String before = firstUse.putIfAbsent(w, n);
                    if (before != null) {
                        return new Refusal(Reason.SHARED_WEIGHT, List.of(w, before, n));
                    }
                }
            }
            return null;
        }

        private NetworkStructure layered() {
            Map<String, Integer> depth = new HashMap<>();
            int deepest = 0;
            for (String n : neurons) { // evaluation order: sources come first
                int d = 0;
                for (String[] e : incoming.getOrDefault(n, List.of())) {
                    d = Math.max(d, depth.get(e[1]) + 1);
                }
                depth.put(n, d);
                deepest = Math.max(deepest, d);
            }
            Map<String, Integer> position = new HashMap<>();
            int p = 0;
            for (String name : cells.keySet()) {
                position.put(name, p++);
            }
            List<List<String>> columns = new ArrayList<>();
            for (int l = 0; l <= deepest; l++) {
                columns.add(new ArrayList<>());
            }
            depth.forEach((n, d) -> columns.get(d).add(n));
            columns.forEach(col -> col.sort((a, b) -> Integer.compare(position.get(a), position.get(b))));
            Map<String, Neuron> byName = new HashMap<>();
            List<List<Neuron>> layers = new ArrayList<>();
            for (int l = 0; l <= deepest; l++) {
                List<Neuron> layer = new ArrayList<>();
                for (String n : columns.get(l)) {
                    Cell c = cells.get(n);
                    Neuron neuron = new Neuron(n, l, layer.size(), c.value(), c.grad());
                    layer.add(neuron);
                    byName.put(n, neuron);
                }
                layers.add(List.copyOf(layer));
            }
            List<Edge> edges = new ArrayList<>();
            for (List<Neuron> layer : layers) {
                for (Neuron to : layer) {
                    Set<String> from = new HashSet<>();
                    Map<String, String> weightFrom = new HashMap<>();
                    for (String[] e : incoming.getOrDefault(to.cell(), List.of())) {
                        Neuron source = byName.get(e[1]);
                        if (!from.add(e[1])) {
                            return refused(Reason.TWO_EDGES, e[1], to.cell(), weightFrom.get(e[1]), e[0]);
                        }
                        weightFrom.put(e[1], e[0]);
                        if (source.layer() != to.layer() - 1) {
                            return refused(Reason.SKIPS_LAYER, e[0], e[1], to.cell(), Integer.toString(source.layer()),
                                    Integer.toString(to.layer()));
                        }
                        Cell w = cells.get(e[0]);
                        edges.add(new Edge(e[0], source, to, w.value(), w.grad()));
                    }
                }
            }
            return new NetworkStructure(List.copyOf(layers), List.copyOf(edges), null);
        }

        /** No neuron: says which product stopped the sheet from being one, when there is such a product. */
        private NetworkStructure noNeurons() {
            for (String c : order) {
                if (kind(c).equals(MUL)) {
                    String a = resolve(args.get(c).get(0));
                    String b = resolve(args.get(c).get(1));
                    if (isWeight(a) != isWeight(b)) {
                        return refused(Reason.WEIGHT_ON_NON_NEURON, isWeight(a) ? a : b, isWeight(a) ? b : a);
                    }
                }
            }
            return refused(Reason.NO_NEURONS);
        }

        private String resolve(String c) {
            String r = c;
            while (kind(r).equals(COPY)) {
                r = args.get(r).get(0);
            }
            return r;
        }

        private String kind(String c) {
            Cell cell = cells.get(c);
            return cell == null ? "" : cell.kind();
        }

        private boolean isWeight(String c) {
            return kind(c).equals(Op.WEIGHT.label());
        }
    }
}
