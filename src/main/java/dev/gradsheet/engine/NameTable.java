package dev.gradsheet.engine;

import java.util.Arrays;

/**
 * Cell names by id, and ids by name, in about 20 bytes a name instead of a String and a map entry
 * (about 80): names are ASCII ({@code [A-Za-z0-9_.]}), so they are kept as length-prefixed bytes in
 * one pool, indexed by an open-addressing table of ids. A million-cell sheet's names fit in ~25 MB.
 * Not thread-safe: {@link Sheet} guards it.
 */
final class NameTable {
    static final int MAX_LENGTH = 250;

    private byte[] pool = new byte[1024];
    private int poolSize;
    /** Offset in {@link #pool} of each id's name (its length byte), or -1 for none. */
    private int[] offset = new int[64];
    /**
     * Open-addressing table: slot i is {@code slots[2i]} = id + 1 (0 = empty) and {@code slots[2i + 1]}
     * = that name's hash, side by side, so a probe that meets another name is turned away by its hash
     * without reading the name (two cache misses fewer a probe on a million names). The number of
     * slots is a power of two.
     */
    private int[] slots = new int[2 * 128];
    private int count;

    int count() {
        return count;
    }

    /** An independent copy of the table (a sheet's private copy reads and changes its own). */
    NameTable copy() {
        NameTable c = new NameTable();
        c.pool = pool.clone();
        c.poolSize = poolSize;
        c.offset = offset.clone();
        c.slots = slots.clone();
        c.count = count;
        return c;
    }

    /** The id named {@code name}, or -1. */
    int idOf(CharSequence name) {
        int len = name.length();
        if (len == 0 || len > MAX_LENGTH) {
            return -1;
        }
        int h = hash(name);
        int mask = (slots.length >> 1) - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = slots[2 * i];
            if (slot == 0) {
                return -1;
            }
            if (slots[2 * i + 1] == h && equalsAt(offset[slot - 1], name)) {
                return slot - 1;
            }
        }
    }

    /** The name of {@code id}, or null when it has none (deleted). */
    String nameOf(int id) {
        if (id >= offset.length || offset[id] < 0) {
            return null;
        }
        int off = offset[id];
        return new String(pool, off + 1, pool[off] & 0xFF, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The length of {@code id}'s name (which it must have). */
    int lengthOf(int id) {
        return pool[offset[id]] & 0xFF;
    }

    /** Copies {@code id}'s name (which it must have) as ASCII into {@code out} at {@code at}; returns the end. */
    int copyName(int id, byte[] out, int at) {
        int off = offset[id];
        int len = pool[off] & 0xFF;
        System.arraycopy(pool, off + 1, out, at, len);
        return at + len;
    }

    /** The id named by {@code text[from, to)}, or -1: {@link #idOf(CharSequence)} without a substring. */
    int idOf(String text, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > MAX_LENGTH) {
            return -1;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + (text.charAt(i) & 0xFF);
        }
        h = mix(h);
        int mask = (slots.length >> 1) - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = slots[2 * i];
            if (slot == 0) {
                return -1;
            }
            if (slots[2 * i + 1] == h && equalsAt(offset[slot - 1], text, from, len)) {
                return slot - 1;
            }
        }
    }

    /** Gives {@code id} the name {@code name}; the caller checked that the name is free and valid. */
    void put(int id, CharSequence name) {
        int len = name.length();
        if (len == 0 || len > MAX_LENGTH) {
            throw new IllegalArgumentException("name length must be 1.." + MAX_LENGTH + ": " + name);
        }
        ensureIdCapacity(id + 1);
        if (offset[id] >= 0) {
            remove(id);
        }
        if (poolSize + len + 1 > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len + 1));
        }
        int off = poolSize;
        pool[off] = (byte) len;
        for (int i = 0; i < len; i++) {
            pool[off + 1 + i] = (byte) name.charAt(i);
        }
        poolSize += len + 1;
        offset[id] = off;
        if ((count + 1) * 2 > slots.length >> 1) {
            rehash(slots.length); // twice the slots
        }
        insertSlot(id);
        count++;
    }

    /** Takes the name away from {@code id} (its bytes stay in the pool until the table is rebuilt). */
    void remove(int id) {
        if (id >= offset.length || offset[id] < 0) {
            return;
        }
        int mask = (slots.length >> 1) - 1;
        int i = hashAt(offset[id]) & mask;
        while (slots[2 * i] != id + 1) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps linear probing correct without tombstones.
        int hole = i;
        for (int j = (hole + 1) & mask; slots[2 * j] != 0; j = (j + 1) & mask) {
            int home = slots[2 * j + 1] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                slots[2 * hole] = slots[2 * j];
                slots[2 * hole + 1] = slots[2 * j + 1];
                hole = j;
            }
        }
        slots[2 * hole] = 0;
        slots[2 * hole + 1] = 0;
        offset[id] = -1;
        count--;
    }

    /** Drops growth slack once no more names are coming (ids stay below {@code ids}). */
    void trimToSize(int ids) {
        pool = Arrays.copyOf(pool, Math.max(poolSize, 1));
        if (offset.length > ids) {
            offset = Arrays.copyOf(offset, ids);
        }
        // A loading table is kept at most half full (short probes); a loaded one may be 80% full: with
        // the hashes beside the ids, a longer probe costs little, and the table then takes no more
        // memory than one without hashes at half. The next new name grows it back to half.
        int capacity = 64;
        while (capacity * 4L < count * 5L) {
            capacity *= 2;
        }
        if (capacity < slots.length >> 1) {
            rehash(capacity);
        }
    }

    /** Gives each id {@code i} below {@code newId.length} the id {@code newId[i]} (a permutation), names kept. */
    void renumber(int[] newId) {
        int[] moved = new int[offset.length];
        Arrays.fill(moved, -1);
        for (int id = 0; id < offset.length; id++) {
            moved[id < newId.length ? newId[id] : id] = offset[id];
        }
        offset = moved;
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 && slots[i] - 1 < newId.length) {
                slots[i] = newId[slots[i] - 1] + 1;
            }
        }
    }

    private void insertSlot(int id) {
        insert(id, hashAt(offset[id]));
    }

    private void insert(int id, int h) {
        int mask = (slots.length >> 1) - 1;
        int i = h & mask;
        while (slots[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = id + 1;
        slots[2 * i + 1] = h;
    }

    /** Moves every name into a table of {@code capacity} slots, by the hashes kept beside them. */
    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[2 * capacity];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                insert(old[i] - 1, old[i + 1]);
            }
        }
    }

    private void ensureIdCapacity(int n) {
        if (n > offset.length) {
            int old = offset.length;
            offset = Arrays.copyOf(offset, Math.max(n, old * 2));
            Arrays.fill(offset, old, offset.length, -1);
        }
    }

    {
        Arrays.fill(offset, -1);
    }

    private boolean equalsAt(int off, CharSequence name) {
        int len = pool[off] & 0xFF;
        if (len != name.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (pool[off + 1 + i] != (byte) name.charAt(i) || name.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsAt(int off, String text, int from, int len) {
        if ((pool[off] & 0xFF) != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = text.charAt(from + i);
            if (pool[off + 1 + i] != (byte) c || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + (name.charAt(i) & 0xFF);
        }
        return mix(h);
    }

    private int hashAt(int off) {
        int len = pool[off] & 0xFF;
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + (pool[off + 1 + i] & 0xFF);
        }
        return mix(h);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
