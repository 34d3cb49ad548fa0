package dev.dbinternals.ch08.harness.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, sequence number). The sequence number is
 * unique and increasing, so ties in time break in scheduling order and the order never
 * depends on hash codes or identity: the root of determinism. Not thread-safe.
 */
final class EventQueue {
    private Simulation.Ev[] heap = new Simulation.Ev[256];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Simulation.Ev peek() {
        return size == 0 ? null : heap[0];
    }

    void add(Simulation.Ev e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        Simulation.Ev[] h = heap;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            Simulation.Ev pe = h[p];
            if (!before(e, pe)) {
                break;
            }
            h[i] = pe;
            i = p;
        }
        h[i] = e;
    }

    Simulation.Ev poll() {
        if (size == 0) {
            return null;
        }
        Simulation.Ev[] h = heap;
        Simulation.Ev top = h[0];
        Simulation.Ev last = h[--size];
        h[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                Simulation.Ev ce = h[c];
                int r = c + 1;
                if (r < size && before(h[r], ce)) {
                    c = r;
                    ce = h[r];
                }
                if (!before(ce, last)) {
                    break;
                }
                h[i] = ce;
                i = c;
            }
            h[i] = last;
        }
        return top;
    }

    private static boolean before(Simulation.Ev a, Simulation.Ev b) {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }
}
