package dev.gradsheet.engine;

import java.util.Arrays;
import org.eclipse.collections.api.list.primitive.MutableDoubleList;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.DoubleArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The computation graph as flat primitive arrays indexed by cell id — the spreadsheet's calc chain.
 * It knows nothing of names' meaning, undo or observers ({@link Sheet} does); it stores cells, keeps
 * a topological order, recomputes dirty cells once each in that order ({@link #forward}) and runs
 * backpropagation as one reverse pass ({@link #backward}). Nothing here recurses over graph depth.
 *
 * <p>Ids are never reused: a deleted cell is only marked dead, so undo can bring it back as it was.
 * Not thread-safe: {@link Sheet} serializes access.
 */
final class Graph {
    static final byte LIVE = 1;
    static final byte GENERATED = 2;
    static final byte FUSED = 4;
    /** Named by a formula but not (yet) defined: only while a file is being loaded. */
    static final byte PLACEHOLDER = 8;

    int size;
    byte[] op = new byte[16];
    byte[] flags = new byte[16];
    int[] argStart = new int[16];
    int[] argCount = new int[16];
    int[] argPool = new int[32];
    /**
     * The first two arguments of each cell, copied out of {@link #argPool} (-1 where absent): the
     * kernel's hot loops read them with one load instead of two dependent ones.
     */
    int[] arg0 = new int[16];
    int[] arg1 = new int[16];
    int poolSize;
    double[] value = new double[16];
    double[] grad = new double[16];
    /** Definition order of user cells: the order a sheet is shown and saved in. */
    int[] rank = new int[16];
    int nextRank;
    final NameTable names;

    // Derived by rebuildTopology(): valid while topologyValid.
    int[] order = new int[0];
    int liveCount;
    int[] pos = new int[16];
    int[] userStart = new int[1];
    int[] users = new int[0];
    int[] weightIds = new int[0];
    boolean topologyValid;
    /**
     * Whether {@link #order} is 0, 1, 2, …: every cell live and defined after its arguments, as in a
     * loaded file written in dependency order. The full passes then walk ids directly and skip reading
     * the order array (a sixth of a pass's memory traffic on a million-cell network).
     */
    boolean identityOrder;
    private long[] dirty = new long[0];
    private int firstDirtyWord = Integer.MAX_VALUE;

    // The passes' view of the topology, set with it by DenseLayers.plan: the topology itself, or, when
    // the sheet has dense layers, the order the passes walk with each layer run as one loop.
    /** The dense layers the passes run as loops, or null. */
    DenseLayers dense;
    /** Fewest weights a dense layer needs to run as a loop ({@link Integer#MAX_VALUE}: never; tests lower it). */
    int denseLayerMinimum = DenseLayers.DEFAULT_MINIMUM;
    /** The op each pass runs per cell: {@link #op}, but {@link Kernel#DENSE} at a layer's marker. */
    byte[] kop = op;
    int[] passOrder = order;
    int[] passPos = pos;
    int[] passUsers = users;
    int[] passUserStart = userStart;
    int passCount;
    /** Positions at the start of the pass order holding leaves: no pass needs to visit them. */
    int passLeaves;
    /**
     * Set when a topology rebuild dropped dense layers: cells a loop stood for may become cells the
     * passes compute, and their stored values are not current, so the next forward recomputes all.
     */
    boolean recomputeAll;

    /** The cell whose gradient is 1, or -1; see {@link #resolveObjective}. */
    int objective = -1;
    /** The objective a sheet names explicitly, or -1 for "the last cell defined". */
    int explicitObjective = -1;

    /** How many cells {@link #forward} has recomputed, ever: lets tests count work per edit. */
    long recomputations;
    /** When set, {@link #forward} records every cell whose value changed in {@link #changedValues}. */
    boolean trackChanges;
    final MutableIntList changedValues = new IntArrayList();

    private final MutableIntList fusedTargets = new IntArrayList();
    private final MutableDoubleList fusedGradients = new DoubleArrayList();

    /** An empty graph. */
    Graph() {
        this(new NameTable());
    }

    private Graph(NameTable names) {
        this.names = names;
    }

    /**
     * An independent copy of every cell, number, name and the order: a private state that can be
     * evaluated (probed) by one thread while the original goes on changing under its own lock.
     */
    Graph copy() {
        // the copy computes cell by cell: it must start from every cell's number, the loops' hidden ones too
        materializeDense(false);
        Graph c = new Graph(names.copy());
        c.size = size;
        c.op = op.clone();
        c.flags = flags.clone();
        c.argStart = argStart.clone();
        c.argCount = argCount.clone();
        c.argPool = argPool.clone();
        c.arg0 = arg0.clone();
        c.arg1 = arg1.clone();
        c.poolSize = poolSize;
        c.value = value.clone();
        c.grad = grad.clone();
        c.rank = rank.clone();
        c.nextRank = nextRank;
        c.order = order.clone();
        c.liveCount = liveCount;
        c.pos = pos.clone();
        c.userStart = userStart.clone();
        c.users = users.clone();
        c.weightIds = weightIds.clone();
        c.topologyValid = topologyValid;
        c.identityOrder = identityOrder;
        c.dirty = dirty.clone();
        c.firstDirtyWord = firstDirtyWord;
        c.objective = objective;
        c.explicitObjective = explicitObjective;
        c.denseMinimum = denseMinimum;
        c.fusedTargets.addAll(fusedTargets);
        c.fusedGradients.addAll(fusedGradients);
        // A layer's loop state belongs to its graph: the copy computes cell by cell, over its own topology.
        c.denseLayerMinimum = Integer.MAX_VALUE;
        DenseLayers.plainView(c);
        if (dense != null) {
            // marks are by pass position, which the loops renumber; a whole state has none pending
            c.dirty = new long[(c.passCount + 63) >>> 6];
            c.firstDirtyWord = Integer.MAX_VALUE;
        }
        return c;
    }

    // ---- cells ---------------------------------------------------------------------------------

    boolean isLive(int id) {
        return id >= 0 && id < size && (flags[id] & LIVE) != 0;
    }

    boolean isGenerated(int id) {
        return (flags[id] & GENERATED) != 0;
    }

    boolean isFused(int id) {
        return (flags[id] & FUSED) != 0;
    }

    boolean isPlaceholder(int id) {
        return (flags[id] & PLACEHOLDER) != 0;
    }

    Op opOf(int id) {
        return Op.of(op[id]);
    }

    int arg(int id, int k) {
        return argPool[argStart[id] + k];
    }

    /** Makes a new live cell and returns its id. */
    int allocate(String name, Op kind, int[] args, double v, boolean generated) {
        int id = allocatePlaceholder(name);
        define(id, kind, args, v, generated);
        if (!generated) {
            rank[id] = nextRank++;
        }
        return id;
    }

    /** Makes a named cell with no formula yet: a name a file uses before the line that defines it. */
    int allocatePlaceholder(String name) {
        int id = size++;
        ensureCapacity(size);
        flags[id] = PLACEHOLDER;
        names.put(id, name);
        topologyValid = false;
        return id;
    }

    /** Gives cell {@code id} a formula (replacing any it had) and makes it live. */
    void define(int id, Op kind, int[] args, double v, boolean generated) {
        op[id] = kind.code();
        argStart[id] = appendArgs(args);
        argCount[id] = args.length;
        cacheArgs(id);
        value[id] = v;
        flags[id] = (byte) (LIVE | (generated ? GENERATED : 0));
        topologyValid = false;
    }

    private void cacheArgs(int id) {
        arg0[id] = argCount[id] > 0 ? argPool[argStart[id]] : -1;
        arg1[id] = argCount[id] > 1 ? argPool[argStart[id] + 1] : -1;
    }

    private int appendArgs(int[] args) {
        if (poolSize + args.length > argPool.length) {
            argPool = Arrays.copyOf(argPool, Math.max(argPool.length * 2, poolSize + args.length));
        }
        int start = poolSize;
        System.arraycopy(args, 0, argPool, start, args.length);
        poolSize += args.length;
        return start;
    }

    int[] args(int id) {
        return Arrays.copyOfRange(argPool, argStart[id], argStart[id] + argCount[id]);
    }

    /** What undo needs to put a cell back exactly as it was. */
    record CellState(byte op, byte flags, int argStart, int argCount, double value, int rank, String name) {
    }

    CellState capture(int id) {
        return new CellState(op[id], flags[id], argStart[id], argCount[id], valueOf(id), rank[id],
                names.nameOf(id));
    }

    /** Cell {@code id}'s value, also where a dense layer's loop stands for the cell. */
    double valueOf(int id) {
        DenseLayers d = dense;
        return d == null ? value[id] : d.value(this, id);
    }

    /** ∂objective/∂cell {@code id}, also where a dense layer's loop stands for the cell. */
    double gradOf(int id) {
        DenseLayers d = dense;
        return d == null ? grad[id] : d.grad(this, id);
    }

    /**
     * Writes the values and gradients of the cells dense layers' loops stand for into {@link #value}
     * and {@link #grad}, for readers of every cell; see {@link DenseLayers#materialize}.
     */
    void materializeDense(boolean record) {
        DenseLayers d = dense;
        if (d != null) {
            d.materialize(this, record);
        }
    }

    void restore(int id, CellState s) {
        op[id] = s.op();
        flags[id] = s.flags();
        argStart[id] = s.argStart();
        argCount[id] = s.argCount();
        cacheArgs(id);
        value[id] = s.value();
        rank[id] = s.rank();
        if (s.name() == null) {
            names.remove(id);
        } else if (!s.name().equals(names.nameOf(id))) {
            names.put(id, s.name());
        }
        topologyValid = false;
    }

    /** Marks a cell dead and frees its name; its data stays for undo. */
    void kill(int id) {
        flags[id] = 0;
        names.remove(id);
        topologyValid = false;
    }

    /** The generated cells a root owns (its formula's intermediate steps), in creation order. */
    int[] generatedOf(int root) {
        if (!hasGeneratedArg(root)) {
            return NONE; // most cells: no list, set or sort for them (a million-row table asks for each)
        }
        MutableIntList found = new IntArrayList();
        MutableIntList stack = new IntArrayList();
        stack.add(root);
        while (!stack.isEmpty()) {
            int id = stack.removeAtIndex(stack.size() - 1);
            for (int k = 0; k < argCount[id]; k++) {
                int a = arg(id, k);
                if (isLive(a) && isGenerated(a)) {
                    found.add(a);
                    stack.add(a);
                }
            }
        }
        return found.distinct().sortThis().toArray();
    }

    private static final int[] NONE = new int[0];

    private boolean hasGeneratedArg(int id) {
        for (int k = 0; k < argCount[id]; k++) {
            int a = arg(id, k);
            if (isLive(a) && isGenerated(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Live ids in the order a sheet lists them: user cells in definition order, each after the
     * generated cells of its formula ({@link Sheet#cells()}; uncached, for one-off readers).
     */
    int[] displayOrder() {
        int[] order = new int[liveCount];
        int n = 0;
        for (int root : userCellsInRankOrder()) {
            for (int g : generatedOf(root)) {
                order[n++] = g;
            }
            order[n++] = root;
        }
        return n == order.length ? order : Arrays.copyOf(order, n);
    }

    /** Live user cells (not generated ones) in definition order (by rank). */
    int[] userCellsInRankOrder() {
        int[] byRank = new int[nextRank];
        java.util.Arrays.fill(byRank, -1);
        int n = 0;
        for (int id = 0; id < size; id++) {
            if (isLive(id) && !isGenerated(id)) {
                byRank[rank[id]] = id;
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int id : byRank) {
            if (id >= 0) {
                out[k++] = id;
            }
        }
        return k == n ? out : java.util.Arrays.copyOf(out, k); // ranks are unique; this only guards it
    }

    /** The user cell a cell belongs to: itself, or the root whose formula generated it. */
    int rootOf(int id) {
        if (!isGenerated(id)) {
            return id;
        }
        String name = names.nameOf(id);
        return names.idOf(name.substring(0, name.indexOf('.')));
    }

    /** Drops the growth slack of every array: a loaded sheet keeps only what it holds. */
    void trimToSize() {
        int n = Math.max(size, 1);
        resizeCellArrays(n);
        argPool = Arrays.copyOf(argPool, Math.max(poolSize, 1));
        if (pos.length > n) {
            pos = Arrays.copyOf(pos, n);
        }
        names.trimToSize(n);
        if (topologyValid && dense == null) {
            DenseLayers.plainView(this); // the pass view shares the arrays just replaced
        }
    }

    private void ensureCapacity(int n) {
        if (n > op.length) {
            resizeCellArrays(Math.max(n, op.length * 2));
        }
    }

    /** Gives every per-cell array length {@code n}. */
    private void resizeCellArrays(int n) {
        op = Arrays.copyOf(op, n);
        flags = Arrays.copyOf(flags, n);
        argStart = Arrays.copyOf(argStart, n);
        argCount = Arrays.copyOf(argCount, n);
        arg0 = Arrays.copyOf(arg0, n);
        arg1 = Arrays.copyOf(arg1, n);
        value = Arrays.copyOf(value, n);
        grad = Arrays.copyOf(grad, n);
        rank = Arrays.copyOf(rank, n);
    }

    // ---- topology --------------------------------------------------------------------------------

    /**
     * Recomputes the topological order (Kahn's algorithm, lowest ready id first, so a sheet written in
     * dependency order keeps its layout), the users of each cell, the list of weights and which
     * {@code bce} cells take the logits form. Returns the ids on a cycle, or an empty array.
     */
    int[] rebuildTopology() {
        if (dense != null) {
            dense = null;
            recomputeAll = true;
        }
        int[] indegree = new int[size];
        int[] counts = new int[size + 1];
        int live = 0;
        int weights = 0;
        for (int id = 0; id < size; id++) {
            if (!isLive(id)) {
                continue;
            }
            live++;
            if (op[id] == Kernel.WEIGHT) {
                weights++;
            }
            flags[id] &= ~FUSED;
            if (op[id] == Kernel.BCE && op[arg(id, 0)] == Kernel.SIGMOID) {
                flags[id] |= FUSED;
            }
            for (int k = 0; k < argCount[id]; k++) {
                counts[arg(id, k) + 1]++;
                indegree[id]++;
            }
        }
        for (int i = 0; i < size; i++) {
            counts[i + 1] += counts[i];
        }
        int[] userList = new int[counts[size]];
        int[] fill = Arrays.copyOf(counts, size);
        weightIds = new int[weights];
        weights = 0;
        for (int id = 0; id < size; id++) {
            if (!isLive(id)) {
                continue;
            }
            if (op[id] == Kernel.WEIGHT) {
                weightIds[weights++] = id;
            }
            for (int k = 0; k < argCount[id]; k++) {
                userList[fill[arg(id, k)]++] = id;
            }
        }
        // The order is the smallest topological order by id (Kahn's algorithm taking the lowest ready
        // id first), so a sheet written in dependency order runs in file order and its arrays are
        // walked sequentially. The common case, every argument defined before its user, needs no heap.
        int[] ord = new int[live];
        int tail = 0;
        boolean byId = idOrderIsTopological();
        if (byId) {
            for (int id = 0; id < size; id++) {
                if (isLive(id)) {
                    ord[tail++] = id;
                }
            }
        } else {
            IdHeap ready = new IdHeap(live);
            for (int id = 0; id < size; id++) {
                if (isLive(id) && indegree[id] == 0) {
                    ready.push(id);
                }
            }
            while (!ready.isEmpty()) {
                int id = ready.pop();
                ord[tail++] = id;
                for (int u = counts[id]; u < counts[id + 1]; u++) {
                    int user = userList[u];
                    if (--indegree[user] == 0) {
                        ready.push(user);
                    }
                }
            }
        }
        if (tail < live) {
            return findCycle(indegree, userList, counts);
        }
        order = ord;
        liveCount = live;
        identityOrder = byId && live == size;
        if (pos.length < size) {
            pos = new int[Math.max(size, pos.length * 2)];
        }
        for (int k = 0; k < live; k++) {
            pos[ord[k]] = k;
        }
        users = userList;
        userStart = counts;
        topologyValid = true;
        resolveObjective();
        DenseLayers.plan(this);
        dirty = new long[(passCount + 63) >>> 6];
        firstDirtyWord = Integer.MAX_VALUE;
        return new int[0];
    }

    private boolean idOrderIsTopological() {
        for (int id = 0; id < size; id++) {
            if (isLive(id)) {
                for (int k = 0; k < argCount[id]; k++) {
                    if (arg(id, k) >= id) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** A binary min-heap of ids, for Kahn's algorithm. */
    private static final class IdHeap {
        private final int[] heap;
        private int size;

        IdHeap(int capacity) {
            heap = new int[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int id) {
            int i = size++;
            while (i > 0 && heap[(i - 1) >>> 1] > id) {
                heap[i] = heap[(i - 1) >>> 1];
                i = (i - 1) >>> 1;
            }
            heap[i] = id;
        }

        int pop() {
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }

    /** Walks from a cell left on a cycle by Kahn's algorithm until a cell repeats. */
    private int[] findCycle(int[] indegree, int[] userList, int[] counts) {
        int start = -1;
        for (int id = 0; id < size && start < 0; id++) {
            if (isLive(id) && indegree[id] > 0) {
                start = id;
            }
        }
        // Every cell left over has an argument also left over; follow arguments until one repeats.
        int[] seenAt = new int[size];
        Arrays.fill(seenAt, -1);
        MutableIntList path = new IntArrayList();
        int id = start;
        while (seenAt[id] < 0) {
            seenAt[id] = path.size();
            path.add(id);
            int next = -1;
            for (int k = 0; k < argCount[id] && next < 0; k++) {
                if (indegree[arg(id, k)] > 0) {
                    next = arg(id, k);
                }
            }
            id = next;
        }
        // path[seenAt[id]..] is the cycle, each cell using the next.
        int[] cycle = path.toArray();
        int[] result = Arrays.copyOfRange(cycle, seenAt[id], cycle.length);
        return result;
    }

    /**
     * Sets {@link #objective}: the one the sheet names while it lives, else none. The objective
     * never moves by itself (adding a cell does not make it the objective); a file without
     * {@code @objective} names its last cell once, when it is loaded ({@link #lastUserCell}).
     */
    void resolveObjective() {
        objective = isLive(explicitObjective) ? explicitObjective : -1;
    }

    /** The user cell defined last (highest rank), or -1 for an empty sheet. */
    int lastUserCell() {
        int last = -1;
        int best = -1;
        for (int id = 0; id < size; id++) {
            if (isLive(id) && !isGenerated(id) && rank[id] > best) {
                best = rank[id];
                last = id;
            }
        }
        return last;
    }

    /** Cells that use {@code id} (a cell using it twice appears twice). */
    int[] usersOf(int id) {
        return Arrays.copyOfRange(users, userStart[id], userStart[id + 1]);
    }

    // ---- propagation -----------------------------------------------------------------------------

    /** Schedules {@code id} to be recomputed by the next {@link #forward}. */
    void markDirty(int id) {
        int k = passPos[id];
        dirty[k >>> 6] |= 1L << k;
        firstDirtyWord = Math.min(firstDirtyWord, k >>> 6);
    }

    /** Sets a leaf's value and schedules its users; returns whether the value changed. */
    boolean setLeaf(int id, double v) {
        if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(value[id])) {
            return false;
        }
        value[id] = v;
        if (trackChanges) {
            changedValues.add(id);
        }
        markUsersDirty(id);
        return true;
    }

    void markUsersDirty(int id) {
        for (int u = passUserStart[id]; u < passUserStart[id + 1]; u++) {
            markDirty(passUsers[u]);
        }
    }

    /** Whether the passes may walk ids 0, 1, 2, … instead of reading the pass order. */
    private boolean passByIds() {
        return identityOrder && dense == null;
    }

    /**
     * Recomputes every cell once, in topological order, without dirty marks: what a fresh load and an
     * SGD step (every weight changed, so everything downstream of them) need. Cheaper than marking
     * every cell dirty, since no cell has to schedule its users. The leaves at the start of the order
     * keep their values, so the pass starts after them.
     */
    void forwardAll() {
        recomputations += passLeaves;
        forwardFrom(passLeaves);
        Arrays.fill(dirty, 0L);
        firstDirtyWord = Integer.MAX_VALUE;
        recomputeAll = false;
    }

    /** Recomputes every cell at pass position {@code from} or later; leaves the dirty marks. */
    private void forwardFrom(int from) {
        final int[] ord = passOrder;
        final boolean byId = passByIds();
        final int count = passCount;
        if (!trackChanges) {
            // Nobody lists what changed: store every value without reading the old one first.
            for (int k = from; k < count; k++) {
                int id = byId ? k : ord[k];
                value[id] = Kernel.forward(this, id);
            }
        } else {
            for (int k = from; k < count; k++) {
                int id = byId ? k : ord[k];
                double v = Kernel.forward(this, id);
                if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(value[id])) {
                    value[id] = v;
                    changedValues.add(id);
                }
            }
        }
        recomputations += Math.max(0, count - from);
    }

    /**
     * Leaves {@code ids} were given new values directly (an SGD update; {@code before[i]} is
     * {@code ids[i]}'s old value): records the ones that changed, when changes are tracked. The
     * caller recomputes with {@link #forwardAll}, so no users are scheduled.
     */
    void leavesChanged(int[] ids, double[] before) {
        if (!trackChanges) {
            return;
        }
        for (int i = 0; i < ids.length; i++) {
            if (Double.doubleToRawLongBits(before[i]) != Double.doubleToRawLongBits(value[ids[i]])) {
                changedValues.add(ids[i]);
            }
        }
    }

    /**
     * A cone counts as dense once it has recomputed at least this many cells, at least half the
     * positions scanned and at least an eighth of the positions still ahead: see {@link #forward}.
     * Below it a cone is cheap either way, so small sheets always follow their cones exactly. Settable
     * for tests (Integer.MAX_VALUE: never), which compare both paths.
     */
    int denseMinimum = 16_384;
    /** How many times {@link #forward} switched to its plain pass: lets tests see which path ran. */
    long densePasses;

    /**
     * Recomputes every dirty cell exactly once, in topological order, scheduling a cell's users only
     * when its value really changed. The dirty set is a bitset by position, so the scan skips 64 clean
     * cells per word and the work follows the edit's downstream cone. Returns how many values changed.
     *
     * <p>When the cone turns out dense and long (an edit at the top of stacked diamonds or of a
     * network), scheduling each user costs more than computing it; so once the cone has recomputed at
     * least {@link #denseMinimum} cells, at least half the positions scanned and at least an eighth of
     * those left, the rest of the order is recomputed plainly, every cell once, as
     * {@link #forwardAll} does. Recomputing a clean cell gives it the very same bits (its arguments
     * did not change), so values, changed cells and their order are exactly the incremental pass's;
     * the extra work is bounded by eight times the work already done, and never exceeds one pass.
     * After a rebuild that dropped dense layers ({@link #recomputeAll}) it recomputes every cell.
     */
    void forward() {
        if (recomputeAll) {
            forwardAll();
            return;
        }
        final long[] bits = dirty;
        final int[] ord = passOrder;
        final int[] position = passPos;
        final int[] userList = passUsers;
        final int[] userFrom = passUserStart;
        final int startWord = firstDirtyWord;
        long count = 0;
        for (int w = startWord; w < bits.length; w++) {
            long word;
            while ((word = bits[w]) != 0) {
                bits[w] = word & (word - 1);
                int id = ord[(w << 6) | Long.numberOfTrailingZeros(word)];
                double v = Kernel.forward(this, id);
                count++;
                if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(value[id])) {
                    value[id] = v;
                    if (trackChanges) {
                        changedValues.add(id);
                    }
                    for (int u = userFrom[id], end = userFrom[id + 1]; u < end; u++) {
                        int k = position[userList[u]];
                        bits[k >>> 6] |= 1L << k;
                    }
                }
            }
            if (count >= denseMinimum && isDense(count, startWord, w + 1)) {
                recomputations += count;
                forwardFrom((w + 1) << 6);
                Arrays.fill(bits, w + 1, bits.length, 0L);
                densePasses++;
                firstDirtyWord = Integer.MAX_VALUE;
                return;
            }
        }
        firstDirtyWord = Integer.MAX_VALUE;
        recomputations += count;
    }

    /** Whether {@code recomputed} cells in words {@code [startWord, nextWord)} make a dense cone worth finishing plainly. */
    private boolean isDense(long recomputed, int startWord, int nextWord) {
        long next = (long) nextWord << 6;
        long ahead = passCount - next;
        long scanned = next - ((long) startWord << 6);
        return ahead > 0 && 2 * recomputed >= scanned && 8 * recomputed >= ahead;
    }

    /**
     * Backpropagation: one pass in reverse topological order that starts from gradient 1 at the
     * objective and accumulates each cell's gradient into its arguments. Every cell's gradient is
     * ∂objective/∂cell afterwards (0 for cells the objective does not depend on).
     */
    void backward() {
        final double[] d = grad;
        final int[] ord = passOrder;
        final int leaves = passLeaves;
        if (dense == null || objective < 0) {
            Arrays.fill(d, 0, size, 0.0);
        } else {
            dense.clearGradients(this, objective);
        }
        fusedTargets.clear();
        fusedGradients.clear();
        if (objective < 0) {
            return;
        }
        d[objective] = 1;
        if (passByIds()) {
            for (int id = objective; id >= leaves; id--) {
                double g = d[id];
                if (g != 0) {
                    Kernel.backward(this, id, g);
                }
            }
        } else {
            final byte[] ops = kop;
            for (int k = passPos[objective]; k >= leaves; k--) {
                int id = ord[k];
                double g = d[id];
                if (g != 0) {
                    Kernel.backward(this, id, g);
                } else if (ops[id] == Kernel.DENSE) {
                    dense.backward(this, id); // its other outputs' gradients may not be 0
                }
            }
        }
        // A fused bce routed its gradient past its sigmoid straight to the logits; the sigmoid cell
        // still shows ∂objective/∂p, added only now so it does not flow into the logits twice.
        for (int i = 0; i < fusedTargets.size(); i++) {
            d[fusedTargets.get(i)] += fusedGradients.get(i);
        }
    }

    /** What fused bce cells added to {@code id}'s shown gradient in the last backward pass (not passed on). */
    double fusedGradientOf(int id) {
        double sum = 0;
        for (int i = 0; i < fusedTargets.size(); i++) {
            if (fusedTargets.get(i) == id) {
                sum += fusedGradients.get(i);
            }
        }
        return sum;
    }

    void recordFusedGradient(int sigmoidCell, double g) {
        fusedTargets.add(sigmoidCell);
        fusedGradients.add(g);
    }
}
