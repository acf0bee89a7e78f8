package dev.gradsheet.ui;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
    private Map<String, List<String>> users;
    private Map<String, List<String>> args;

    public GraphModel(Sheet sheet) {
        this.sheet = sheet;
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
        return sheet.read(() -> {
            List<Cell> cells = sheet.cells();
            String objective = sheet.objective();
            index(cells);
            Map<String, String> owner = owners(cells, collapseSteps, showWeights);
            Set<String> around;
            long drawn = cells.stream().filter(c -> !owner.containsKey(c.name())).count();
            boolean neighbourhood = drawn > FULL_LIMIT;
            if (!neighbourhood) {
                around = new LinkedHashSet<>();
                cells.forEach(c -> around.add(c.name()));
            } else {
                String centre = selected != null && sheet.cell(selected).isPresent() ? selected : objective;
                around = neighbourhood(centre);
            }
            Set<String> shown = new LinkedHashSet<>();
            for (String name : around) {
                shown.add(owner.getOrDefault(name, name));
            }
            List<Node> nodes = new ArrayList<>();
            for (String name : shown) {
                sheet.cell(name).ifPresent(c -> {
                    boolean outside = neighbourhood && !allShown(name, around);
                    nodes.add(node(c, objective, false, outside));
                });
            }
            Set<Edge> edges = new LinkedHashSet<>();
            for (String name : around) {
                String from = owner.getOrDefault(name, name);
                for (String user : users.getOrDefault(name, List.of())) {
                    String to = owner.getOrDefault(user, user);
                    if (shown.contains(to) && !from.equals(to)) {
                        edges.add(new Edge(from, to));
                    }
                }
            }
            String shownSelected = selected == null ? null : owner.getOrDefault(selected, selected);
            Set<String> inputs = new java.util.HashSet<>();
            nodes.forEach(n -> {
                if ((" " + n.classes() + " ").contains(" input ")) {
                    inputs.add(n.id());
                }
            });
            List<Edge> edgeList = new ArrayList<>(edges);
            List<String> ids = nodes.stream().map(Node::id).toList();
            return new Picture(nodes, edgeList, null, neighbourhood, cells.size(),
                    GraphLayers.place(ids, edgeList, inputs), Set.of()).select(shownSelected);
        });
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
            List<Cell> cells = sheet.cells();
            index(cells);
            return owners(cells, collapseSteps, showWeights).getOrDefault(name, name);
        });
    }

    /** Whether every neighbour of {@code name} is in the picture (else it is drawn dashed). */
    private boolean allShown(String name, Set<String> shown) {
        return shown.containsAll(users.getOrDefault(name, List.of()))
                && shown.containsAll(args.getOrDefault(name, List.of()));
    }

    private Set<String> neighbourhood(String centre) {
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
            for (Collection<String> next : List.of(args.getOrDefault(name, List.of()),
                    users.getOrDefault(name, List.of()))) {
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

    /** The word before a node's gradient: "grad", or the page's word for it (issue 15). */
    static String gradWord() {
        return dev.gradsheet.ui.i18n.Texts.t("graph.grad");
    }

    /** The node of one cell, as the picture shows it. */
    public static Node node(Cell c, String objective, boolean flash, boolean outside) {
        // two short lines (4 digits; the grid has them all): a column of eight neurons fits a laptop's picture
        String label = c.name() + " = " + dev.gradsheet.engine.Numbers.readable(c.value(), LABEL_DIGITS)
                + "\n" + gradWord() + " " + dev.gradsheet.engine.Numbers.readable(c.grad(), LABEL_DIGITS);
        StringBuilder classes = new StringBuilder(c.kind());
        if (c.generated()) {
            classes.append(" generated");
        }
        if (c.name().equals(objective)) {
            classes.append(" objective");
        }
        if (c.grad() > 1e-12) {
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
