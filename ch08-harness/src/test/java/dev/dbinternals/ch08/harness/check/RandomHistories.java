package dev.dbinternals.ch08.harness.check;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.HistoryEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random register histories: a real register run concurrently, then sometimes corrupted. */
final class RandomHistories {

    private RandomHistories() {
    }

    static History register(long seed, int processes, int ops, boolean withCas) {
        SplittableRandom rnd = new SplittableRandom(seed);
        History.Builder b = History.builder();
        long register = 0;
        String[] f = new String[processes];
        Object[] arg = new Object[processes];
        Object[] result = new Object[processes];
        boolean[] applied = new boolean[processes];
        int started = 0;
        int inFlight = 0;
        long[] proc = new long[processes];
        for (int p = 0; p < processes; p++) {
            proc[p] = p;
        }
        boolean corrupt = rnd.nextInt(3) == 0;
        while (started < ops || inFlight > 0) {
            int p = rnd.nextInt(processes);
            if (f[p] == null) {
                if (started >= ops) {
                    continue;
                }
                int kind = rnd.nextInt(withCas ? 3 : 2);
                f[p] = kind == 0 ? "read" : kind == 1 ? "write" : "cas";
                arg[p] = switch (f[p]) {
                    case "read" -> null;
                    case "write" -> (long) rnd.nextInt(3);
                    default -> List.of((long) rnd.nextInt(3), (long) rnd.nextInt(3));
                };
                applied[p] = false;
                b.invoke(proc[p], f[p], arg[p]);
                started++;
                inFlight++;
            } else if (!applied[p] && rnd.nextBoolean()) {
                // the linearization point
                applied[p] = true;
                switch (f[p]) {
                    case "read" -> result[p] = register;
                    case "write" -> {
                        register = (Long) arg[p];
                        result[p] = arg[p];
                    }
                    default -> {
                        List<?> pair = (List<?>) arg[p];
                        boolean ok = pair.get(0).equals(register);
                        if (ok) {
                            register = (Long) pair.get(1);
                        }
                        result[p] = ok;
                    }
                }
            } else if (applied[p]) {
                int fate = rnd.nextInt(10);
                Object value = f[p].equals("cas") ? arg[p] : result[p];
                if (f[p].equals("read") && corrupt && rnd.nextInt(3) == 0) {
                    value = (long) rnd.nextInt(3);
                }
                if (f[p].equals("cas") && Boolean.FALSE.equals(result[p])) {
                    b.fail(proc[p], "cas", arg[p]);
                } else if (fate == 0 && !f[p].equals("read")) {
                    b.info(proc[p], f[p], arg[p]);
                    proc[p] += processes; // Jepsen: a crashed process is replaced by a new one
                } else if (fate == 1 && corrupt && !f[p].equals("read")) {
                    b.add(proc[p], Type.FAIL, f[p], arg[p], null); // lie: it happened, but the client says it did not
                } else {
                    b.add(proc[p], Type.OK, f[p], value, null);
                }
                f[p] = null;
                inFlight--;
            }
        }
        return b.build();
    }

    static List<History> many(long seed, int count) {
        List<History> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(register(seed + i, 3, 7, true));
        }
        return out;
    }
}
