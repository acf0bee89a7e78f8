package dev.gradsheet.engine;

/**
 * Test oracle: ∂objective/∂cell by holding the cell at a perturbed value, as if it were an input, and
 * recomputing everything downstream of it (central differences, Richardson-refined over h and h/2).
 * The straightforward estimate {@link NumericGradient} must agree with; it costs each cell its whole
 * downstream cone, so it suits small sheets only.
 */
final class GlobalDifference {
    private GlobalDifference() {
    }

    /** The estimate for cell {@code name}; the sheet is left as it was. */
    static double of(Sheet sheet, String name) {
        return sheet.locked(() -> {
            Graph g = sheet.graph;
            int id = g.names.idOf(name);
            double v = g.value[id];
            double h = 1e-5 * Math.max(1, Math.abs(v));
            double wide = (objectiveWith(g, id, v + h) - objectiveWith(g, id, v - h)) / (2 * h);
            double narrow = (objectiveWith(g, id, v + h / 2) - objectiveWith(g, id, v - h / 2)) / h;
            return (4 * narrow - wide) / 3;
        });
    }

    private static double objectiveWith(Graph g, int id, double v) {
        byte op = g.op[id];
        double old = g.value[id];
        int[] users = g.usersOf(id);
        byte[] userFlags = new byte[users.length];
        for (int i = 0; i < users.length; i++) {
            userFlags[i] = g.flags[users[i]];
            g.flags[users[i]] &= ~Graph.FUSED; // a bce held past its sigmoid reads the held value
        }
        g.op[id] = Kernel.INPUT;
        g.setLeaf(id, v);
        g.forward();
        double result = g.value[g.objective];
        g.op[id] = op;
        for (int i = 0; i < users.length; i++) {
            g.flags[users[i]] = userFlags[i];
        }
        g.setLeaf(id, old);
        g.forward();
        return result;
    }
}
