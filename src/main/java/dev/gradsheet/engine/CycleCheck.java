package dev.gradsheet.engine;

import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.api.map.primitive.MutableIntIntMap;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/** Finds whether giving a cell a new formula would close a cycle, before anything is changed. */
final class CycleCheck {
    private CycleCheck() {
    }

    /**
     * The cells on the cycle {@code self}'s new formula would close, each using the next and the last
     * using {@code self} again; empty when there is none. A breadth-first walk up the arguments of the
     * cells the formula names: iterative, and proportional to what lies upstream.
     */
    static int[] pathBack(Graph g, int self, Lowering.Plan plan) {
        MutableIntIntMap usedBy = new IntIntHashMap(); // cell -> a cell that uses it, on the way from self
        MutableIntList queue = new IntArrayList();
        for (Lowering.Step step : plan.generated()) {
            enqueue(step.args(), self, usedBy, queue);
        }
        enqueue(plan.root().args(), self, usedBy, queue);
        for (int head = 0; head < queue.size(); head++) {
            int id = queue.get(head);
            if (id == self) {
                return path(usedBy, self);
            }
            for (int k = 0; k < g.argCount[id]; k++) {
                int a = g.arg(id, k);
                if (!usedBy.containsKey(a)) {
                    usedBy.put(a, id);
                    queue.add(a);
                }
            }
        }
        return new int[0];
    }

    private static void enqueue(int[] args, int self, MutableIntIntMap usedBy, MutableIntList queue) {
        for (int a : args) {
            if (a >= 0 && !usedBy.containsKey(a)) {
                usedBy.put(a, self);
                queue.add(a);
            }
        }
    }

    private static int[] path(MutableIntIntMap usedBy, int self) {
        MutableIntList back = new IntArrayList();
        int id = self;
        do {
            back.add(id);
            id = usedBy.get(id);
        } while (id != self);
        // back is self, a user of self, that one's user, ..., and last an argument of self's formula;
        // self followed by the rest reversed reads "self uses a uses ... uses (a user of self)".
        int[] out = new int[back.size()];
        out[0] = self;
        for (int i = 1; i < out.length; i++) {
            out[i] = back.get(out.length - i);
        }
        return out;
    }
}
