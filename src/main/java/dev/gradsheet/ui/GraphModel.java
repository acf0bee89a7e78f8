package dev.gradsheet.ui;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the graph picture shows: the cells as nodes (name, value, gradient) and an edge from each
 * argument to the cell using it. Small sheets are drawn whole; big ones show only the selected
 * cell's neighbourhood (its arguments and users, two steps out), so the picture stays readable.
 * Edges come from the engine's chain-rule explanations, so they match what backprop uses.
 */
public final class GraphModel {
    /** Sheets drawing at most this many nodes are drawn whole. */
    public static final int FULL_LIMIT = 150;
    /** Pictures with at most this many nodes show weights as nodes unless asked otherwise. */
    public static final int WEIGHTS_SHOWN_UP_TO = 20;
    /** Significant digits of the numbers in node labels. */
    static final int LABEL_DIGITS = 4;
    /** Most nodes a neighbourhood picture shows. */
    public static final int NEIGHBOURHOOD_LIMIT = 60;
    /**
     * Sheets of more cells than this are never indexed whole: their picture is always a neighbourhood,
     * read cell by cell (an index of every edge of a 1.6M-cell sheet cost seconds and
     * hundreds of MB per tab).
     */
    public static final int INDEXED_UP_TO = 20_000;

    /** One node: the cell's name as id, a plain-text label and style classes. */
    public record Node(String id, String label, String classes) {
    }

    /** An edge from an argument to the cell using it. */
    public record Edge(String source, String target) {
    }

    /**
     * A whole picture.
     *
     * @param neighbourhood whether only the selected cell's surroundings are shown
     * @param places        each node's column and row (left to right, {@link GraphLayers})
     * @param path          the nodes on the paths from the selected node to the objective
     */
    public record Picture(List<Node> nodes, List<Edge> edges, String selected, boolean neighbourhood, int total,
                          List<GraphLayers.Place> places, Set<String> path) {
        /** The node with this id, or null. */
        public Node node(String id) {
            return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
        }

        /** The id of the objective's node, or null when it is not drawn. */
        public String objective() {
            return nodes.stream().filter(n -> (" " + n.classes() + " ").contains(" objective ")).map(Node::id)
                    .findFirst().orElse(null);
        }

        /** The same picture with {@code id} selected and its paths to the objective marked. */
        public Picture select(String id) {
            return new Picture(nodes, edges, id, neighbourhood, total, places, GraphLayers.path(edges, id, objective()));
        }

        /** The place of node {@code id}, or null. */
        public GraphLayers.Place place(String id) {
            return places.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        }
    }

    private final Sheet sheet;
    /** Cells whose value, and whose gradient, the picture shows as "?" (practice mode's asked-for ones). */
    private java.util.function.Predicate<Cell> hiddenValue = c -> false;
    private java.util.function.Predicate<Cell> hiddenGrad = c -> false;
    private Map<String, List<String>> users;
    private Map<String, List<String>> args;

    /** Sheets of more cells than this are drawn cell by cell ({@link #INDEXED_UP_TO}; tests lower it). */
    private final int indexedUpTo;

    public GraphModel(Sheet sheet) {
        this(sheet, INDEXED_UP_TO);
    }

    GraphModel(Sheet sheet, int indexedUpTo) {
        this.sheet = sheet;
        this.indexedUpTo = indexedUpTo;
    }

    /**
     * From now on, pictures and nodes show the values of the cells {@code value} accepts, and the
     * gradients of those {@code grad} accepts, as "?" (a hidden gradient without its colour), as the
     * grid does ({@link CellGrid#hide}).
     */
    public void hide(java.util.function.Predicate<Cell> value, java.util.function.Predicate<Cell> grad) {
        hiddenValue = java.util.Objects.requireNonNull(value, "value");
        hiddenGrad = java.util.Objects.requireNonNull(grad, "grad");
    }

    /** Forgets the edges: call after a structural change. */
    public void invalidate() {
        users = null;
        args = null;
    }

    /** The picture around {@code selected} (or of the whole sheet when it is small), every step shown. */
    public Picture picture(String selected) {
        return picture(selected, false);
    }

    /**
     * The picture around {@code selected} (or of the whole sheet when it is small). With
     * {@code collapseSteps}, the intermediate cells of compound formulas ({@code h.1}, {@code h.2})
     * are drawn as part of the cell whose formula they belong to, so networks stay readable.
     */
    public Picture picture(String selected, boolean collapseSteps) {
        return picture(selected, collapseSteps, true);
    }

    /**
     * As {@link #picture(String, boolean)}; without {@code showWeights}, weights and constants are drawn
     * as part of the cell using them, so a wide network's neurons stay readable at a glance.
     */
    public Picture picture(String selected, boolean collapseSteps, boolean showWeights) {
        return sheet.read(() -> sheet.size() > indexedUpTo
                ? bigPicture(selected, collapseSteps, showWeights)
                : indexedPicture(selected, collapseSteps, showWeights));
    }

    /** A small sheet's picture, from an index of every cell's edges (drawn whole when it is small enough). */
    private Picture indexedPicture(String selected, boolean collapseSteps, boolean showWeights) {
        List<Cell> cells = sheet.cells();
        String objective = sheet.objective();
        index(cells);
        Map<String, String> owner = owners(cells, collapseSteps, showWeights);
        long drawn = cells.stream().filter(c -> !owner.containsKey(c.name())).count();
        boolean neighbourhood = drawn > FULL_LIMIT;
        Set<String> around;
        if (!neighbourhood) {
            around = new LinkedHashSet<>();
            cells.forEach(c -> around.add(c.name()));
        } else {
            String centre = selected != null && sheet.cell(selected).isPresent() ? selected : objective;
            around = neighbourhood(centre, this::argsOf, this::usersOf);
        }
        return draw(selected, objective, around, neighbourhood, cells.size(),
                name -> owner.getOrDefault(name, name), this::argsOf, this::usersOf);
    }

    /**
     * A big sheet's picture: always the neighbourhood, read cell by cell from the engine, so
     * its cost follows the few dozen cells drawn, not the sheet's size (no list of every cell, no index).
     */
    private Picture bigPicture(String selected, boolean collapseSteps, boolean showWeights) {
        String objective = sheet.objective();
        Map<String, List<List<String>>> edges = new HashMap<>();
        java.util.function.Function<String, List<String>> argsOf = n -> edges.computeIfAbsent(n, sheet::edgesOf).get(0);
        java.util.function.Function<String, List<String>> usersOf = n -> edges.computeIfAbsent(n, sheet::edgesOf).get(1);
        Map<String, String> owners = new HashMap<>();
        java.util.function.Function<String, String> ownerOf = name -> owners.computeIfAbsent(name,
                n -> ownerOf(n, collapseSteps, showWeights, usersOf));
        String centre = selected != null && sheet.cell(selected).isPresent() ? selected : objective;
        return draw(selected, objective, neighbourhood(centre, argsOf, usersOf), true, sheet.size(), ownerOf,
                argsOf, usersOf);
    }

    /** The node standing for cell {@code name} (itself, a step's owner, or a parameter's user's node). */
    private String ownerOf(String name, boolean collapseSteps, boolean showWeights,
                           java.util.function.Function<String, List<String>> usersOf) {
        Cell c = sheet.cell(name).orElse(null);
        if (c == null) {
            return name;
        }
        if (collapseSteps && c.generated()) {
            return c.owner();
        }
        boolean parameter = c.isWeight() || "const".equals(c.kind());
        List<String> using = !showWeights && parameter ? usersOf.apply(name) : List.of();
        if (!using.isEmpty()) {
            Cell user = sheet.cell(using.get(0)).orElse(null);
            return collapseSteps && user != null && user.generated() ? user.owner() : using.get(0);
        }
        return name;
    }

    /** The picture of the cells {@code around}, each drawn as the node {@code ownerOf} names. */
    private Picture draw(String selected, String objective, Set<String> around, boolean neighbourhood, int total,
                         java.util.function.Function<String, String> ownerOf,
                         java.util.function.Function<String, List<String>> argsOf,
                         java.util.function.Function<String, List<String>> usersOf) {
        Set<String> shown = new LinkedHashSet<>();
        for (String name : around) {
            shown.add(ownerOf.apply(name));
        }
        List<Node> nodes = new ArrayList<>();
        for (String name : shown) {
            sheet.cell(name).ifPresent(c -> {
                boolean outside = neighbourhood && !allShown(name, around, argsOf, usersOf);
                nodes.add(node(c, objective, false, outside)); // with hide()'s "?"
            });
        }
        Set<Edge> edges = new LinkedHashSet<>();
        for (String name : around) {
            String from = ownerOf.apply(name);
            for (String user : usersOf.apply(name)) {
                String to = ownerOf.apply(user);
                if (shown.contains(to) && !from.equals(to)) {
                    edges.add(new Edge(from, to));
                }
            }
        }
        String shownSelected = selected == null ? null : ownerOf.apply(selected);
        Set<String> inputs = new java.util.HashSet<>();
        nodes.forEach(n -> {
            if ((" " + n.classes() + " ").contains(" input ")) {
                inputs.add(n.id());
            }
        });
        List<Edge> edgeList = new ArrayList<>(edges);
        List<String> ids = nodes.stream().map(Node::id).toList();
        List<String> computeOrder = ids.stream()
                .sorted(Comparator.comparingInt(sheet::evaluationPosition)).toList();
        return new Picture(nodes, edgeList, null, neighbourhood, total,
                GraphLayers.place(ids, computeOrder, edgeList, inputs), Set.of()).select(shownSelected);
    }

    private List<String> argsOf(String name) {
        return args.getOrDefault(name, List.of());
    }

    private List<String> usersOf(String name) {
        return users.getOrDefault(name, List.of());
    }

    /**
     * Which node stands for each cell that is not drawn itself: a formula step's owner (steps
     * collapsed), a weight's or constant's user (weights hidden).
     */
    private Map<String, String> owners(List<Cell> cells, boolean collapseSteps, boolean showWeights) {
        Map<String, String> owner = new HashMap<>();
        if (collapseSteps) {
            for (Cell c : cells) {
                if (c.generated()) {
                    owner.put(c.name(), c.owner());
                }
            }
        }
        if (!showWeights) {
            for (Cell c : cells) {
                boolean parameter = c.isWeight() || "const".equals(c.kind());
                List<String> using = users.getOrDefault(c.name(), List.of());
                if (parameter && !using.isEmpty()) {
                    owner.put(c.name(), owner.getOrDefault(using.get(0), using.get(0)));
                }
            }
        }
        return owner;
    }

    /** The node standing for cell {@code name} in a picture drawn with these options. */
    public String shownAs(String name, boolean collapseSteps, boolean showWeights) {
        return sheet.read(() -> {
            if (sheet.size() > indexedUpTo) {
                return ownerOf(name, collapseSteps, showWeights, n -> sheet.edgesOf(n).get(1));
            }
            List<Cell> cells = sheet.cells();
            index(cells);
            return owners(cells, collapseSteps, showWeights).getOrDefault(name, name);
        });
    }

    /** Whether every neighbour of {@code name} is in the picture (else it is drawn dashed). */
    private static boolean allShown(String name, Set<String> shown,
                                    java.util.function.Function<String, List<String>> argsOf,
                                    java.util.function.Function<String, List<String>> usersOf) {
        return shown.containsAll(usersOf.apply(name)) && shown.containsAll(argsOf.apply(name));
    }

    private static Set<String> neighbourhood(String centre,
                                             java.util.function.Function<String, List<String>> argsOf,
                                             java.util.function.Function<String, List<String>> usersOf) {
        Set<String> out = new LinkedHashSet<>();
        if (centre == null) {
            return out;
        }
        ArrayDeque<String> queue = new ArrayDeque<>();
        Map<String, Integer> depth = new HashMap<>();
        queue.add(centre);
        depth.put(centre, 0);
        while (!queue.isEmpty() && out.size() < NEIGHBOURHOOD_LIMIT) {
            String name = queue.poll();
            out.add(name);
            int d = depth.get(name);
            if (d >= 2) {
                continue;
            }
            for (Collection<String> next : List.of(argsOf.apply(name), usersOf.apply(name))) {
                for (String n : next) {
                    if (!depth.containsKey(n)) {
                        depth.put(n, d + 1);
                        queue.add(n);
                    }
                }
            }
        }
        return out;
    }

    /** The word before a node's gradient: "grad", or the page's word for it in its language. */
    static String gradWord() {
        return dev.gradsheet.ui.i18n.Texts.t("graph.grad");
    }

    /** The node of one cell, as the picture shows it. */
    public Node node(Cell c, String objective, boolean flash, boolean outside) {
        return node(c, objective, flash, outside, hiddenValue.test(c), hiddenGrad.test(c));
    }

    /** The node of one cell, with its value or gradient shown as "?" when asked. */
    static Node node(Cell c, String objective, boolean flash, boolean outside, boolean hideValue, boolean hideGrad) {
        // two short lines (4 digits; the grid has them all): a column of eight neurons fits a laptop's picture
        String label = c.name() + " = " + (hideValue ? CellGrid.HIDDEN : dev.gradsheet.engine.Numbers.readable(c.value(), LABEL_DIGITS))
                + "\n" + gradWord() + " " + (hideGrad ? CellGrid.HIDDEN : dev.gradsheet.engine.Numbers.readable(c.grad(), LABEL_DIGITS));
        StringBuilder classes = new StringBuilder(c.kind());
        if (c.generated()) {
            classes.append(" generated");
        }
        if (c.name().equals(objective)) {
            classes.append(" objective");
        }
        if (hideGrad) {
            // no colour either: its sign would give the answer away
        } else if (c.grad() > 1e-12) {
            classes.append(" gpos");
        } else if (c.grad() < -1e-12) {
            classes.append(" gneg");
        }
        if (outside) {
            classes.append(" outside");
        }
        if (flash) {
            classes.append(" flash");
        }
        return new Node(c.name(), label, classes.toString());
    }

    /** The distinct cells {@code name}'s formula reads (its arguments), from the cached edges. */
    List<String> argumentsOf(String name) {
        if (sheet.size() > indexedUpTo) {
            return sheet.edgesOf(name).get(0);
        }
        index(null);
        return args.getOrDefault(name, List.of());
    }

    /** Builds user and argument lists of every cell from the engine's edges. */
    private void index(List<Cell> cells) {
        if (users != null) {
            return;
        }
        Map<String, List<String>> u = new HashMap<>();
        Map<String, List<String>> a = new HashMap<>();
        sheet.arguments().forEach((cell, arguments) -> {
            for (String arg : arguments) {
                if (!a.computeIfAbsent(cell, k -> new ArrayList<>()).contains(arg)) {
                    a.get(cell).add(arg);
                    u.computeIfAbsent(arg, k -> new ArrayList<>()).add(cell);
                }
            }
        });
        users = u;
        args = a;
    }
}
