package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Exact probabilities for a {@link RandomizedRoundProtocol}: every key against every loss
 * pattern, so each probability is a fraction with the number of keys as its denominator.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제); randomised coordinated attack as in
 * Lynch, <i>Distributed Algorithms</i>, §5.2. The adversary here is the one of that section: it
 * fixes before the run which messengers to capture (one of the 2^r loss patterns) and does not
 * see the key. {@link Report#worst()} is the disagreement against the worst such adversary;
 * {@link Report#keyReadingAdversary()} shows what an adversary that could read the key would get.
 *
 * <p>The bound, by Varghese and Lynch's chain argument (Lynch §5.2 proves it for her model; here
 * it is adapted to one messenger per round): in the runs α_j ("the first j messengers arrive, the rest are captured") the
 * sender of messenger j cannot tell α_j from α_{j-1}, so it attacks with the same probability in
 * both; B attacks with probability 0 in α_0 (its view is the one it has under plan RETREAT), and
 * the sender of messenger r attacks with probability at least L = P(both attack | no loss) in
 * α_r. So the r gaps between the two generals' attack probabilities in α_0 … α_{r-1} add up to at
 * least L, some gap is at least L/r, and a gap is at most that run's disagreement: against the
 * worst adversary, P(disagree) ≥ L/r. {@link #chain} computes those probabilities. Stateless.
 *
 * <p>The generals share nothing but messengers. A protocol object that kept a field could carry
 * A's plan to B outside the messengers, so the methods taking a {@link Supplier} give each run two
 * instances of their own, one for A's calls and one for B's; the ones taking an instance use it
 * for both and are for protocols that keep no state.
 */
public final class RandomizedOdds {

    private RandomizedOdds() {
    }

    /** A run for one key: what each heard and whether each attacks. */
    public record KeyedRun(int key, List<String> heardByA, List<String> heardByB, boolean aAttacks, boolean bAttacks) {
    }

    /** Runs {@code p} with key {@code key}, plan {@code plan}, messengers in {@code lost} captured (bit k-1 for messenger k). */
    public static KeyedRun run(RandomizedRoundProtocol p, Plan plan, int key, int lost) {
        Objects.requireNonNull(p, "protocol");
        return run(p, p, plan, key, lost);
    }

    /** As {@link #run(RandomizedRoundProtocol, Plan, int, int)}, with A's calls on one new instance and B's on another. */
    public static KeyedRun run(Supplier<? extends RandomizedRoundProtocol> make, Plan plan, int key, int lost) {
        return run(make.get(), make.get(), plan, key, lost);
    }

    private static KeyedRun run(RandomizedRoundProtocol a, RandomizedRoundProtocol b, Plan plan, int key, int lost) {
        RandomizedRoundProtocol p = a;
        List<String> heardA = new ArrayList<>();
        List<String> heardB = new ArrayList<>();
        for (int k = 1; k <= p.rounds(); k++) {
            boolean fromA = k % 2 == 1;
            String text = fromA ? a.sendA(k, plan, key, List.copyOf(heardA)) : b.sendB(k, List.copyOf(heardB));
            if (text == null || text.isEmpty()) {
                throw new IllegalStateException(p.name() + " sent an empty messenger in round " + k
                        + ": the empty text means 'captured' (RandomizedRoundProtocol.NOTHING)");
            }
            String heard = ((lost >>> (k - 1)) & 1) == 1 ? RandomizedRoundProtocol.NOTHING : text;
            (fromA ? heardB : heardA).add(heard);
        }
        return new KeyedRun(key, heardA, heardB, a.attacksA(plan, key, List.copyOf(heardA)), b.attacksB(List.copyOf(heardB)));
    }

    /** Under plan ATTACK and one loss pattern: for how many of the keys each thing happens. */
    public record Pattern(int lost, int aAttacks, int bAttacks, int bothAttack, int disagree) {
    }

    /** The exact figures for one protocol. Immutable. */
    public record Report(String protocol, int rounds, int keys, List<Pattern> patterns, boolean validity,
                         int keyReadingDisagree) {
        public Report {
            patterns = List.copyOf(patterns);
        }

        /** The worst adversary's pattern (the first of those with the most disagreeing keys). */
        public Pattern worst() {
            Pattern w = patterns.get(0);
            for (Pattern p : patterns) {
                if (p.disagree() > w.disagree()) {
                    w = p;
                }
            }
            return w;
        }

        /** P(disagree) against the worst adversary that does not see the key. */
        public double worstDisagreement() {
            return (double) worst().disagree() / keys;
        }

        /** L: P(both attack) with plan ATTACK and nothing captured. */
        public double liveness() {
            return (double) patterns.get(0).bothAttack() / keys;
        }

        /** How many loss patterns reach the worst disagreement. */
        public long worstPatterns() {
            int w = worst().disagree();
            return patterns.stream().filter(p -> p.disagree() == w).count();
        }

        /** P(disagree) if the adversary could read the key and pick the pattern for it. */
        public double keyReadingAdversary() {
            return (double) keyReadingDisagree / keys;
        }
    }

    /** Every key against every loss pattern, both plans, on the one instance {@code p}. r at most 20. */
    public static Report exact(RandomizedRoundProtocol p) {
        Objects.requireNonNull(p, "protocol");
        return exact(() -> p);
    }

    /** Every key against every loss pattern, both plans, each run on new instances for A and for B. r at most 20. */
    public static Report exact(Supplier<? extends RandomizedRoundProtocol> make) {
        RandomizedRoundProtocol p = make.get();
        int r = p.rounds();
        int keys = p.keys();
        if (r < 1 || r > 20 || keys < 1) {
            throw new IllegalArgumentException(p.name() + ": needs 1 to 20 rounds and at least one key");
        }
        List<Pattern> patterns = new ArrayList<>();
        boolean[][] disagree = new boolean[1 << r][keys + 1];
        for (int lost = 0; lost < (1 << r); lost++) {
            int a = 0;
            int b = 0;
            int both = 0;
            int dis = 0;
            for (int key = 1; key <= keys; key++) {
                KeyedRun run = run(make, Plan.ATTACK, key, lost);
                a += run.aAttacks() ? 1 : 0;
                b += run.bAttacks() ? 1 : 0;
                both += run.aAttacks() && run.bAttacks() ? 1 : 0;
                if (run.aAttacks() != run.bAttacks()) {
                    dis++;
                    disagree[lost][key] = true;
                }
            }
            patterns.add(new Pattern(lost, a, b, both, dis));
        }
        boolean validity = true;
        for (int lost = 0; lost < (1 << r); lost++) {
            for (int key = 1; key <= keys; key++) {
                KeyedRun run = run(make, Plan.RETREAT, key, lost);
                if (run.aAttacks() || run.bAttacks()) {
                    validity = false;
                }
            }
        }
        int reading = 0;
        for (int key = 1; key <= keys; key++) {
            for (int lost = 0; lost < (1 << r); lost++) {
                if (disagree[lost][key]) {
                    reading++;
                    break;
                }
            }
        }
        return new Report(p.name(), r, keys, patterns, validity, reading);
    }

    /** One run α_j of the chain: P(A attacks), P(B attacks), P(disagree), as counts of keys. */
    public record ChainStep(int arrived, int aAttacks, int bAttacks, int disagree) {
    }

    /** The runs α_r … α_0 under plan ATTACK: the first j messengers arrive, the rest are captured. */
    public static List<ChainStep> chain(RandomizedRoundProtocol p) {
        int r = p.rounds();
        List<ChainStep> out = new ArrayList<>();
        for (int j = r; j >= 0; j--) {
            int lost = ((1 << r) - 1) & ~((1 << j) - 1);
            int a = 0;
            int b = 0;
            int dis = 0;
            for (int key = 1; key <= p.keys(); key++) {
                KeyedRun run = run(p, Plan.ATTACK, key, lost);
                a += run.aAttacks() ? 1 : 0;
                b += run.bAttacks() ? 1 : 0;
                dis += run.aAttacks() != run.bAttacks() ? 1 : 0;
            }
            out.add(new ChainStep(j, a, b, dis));
        }
        return out;
    }

    /** {@code n/d} reduced, for example {@code 1/5}; {@code 0} and {@code 1} as such. */
    public static String fraction(long n, long d) {
        long g = gcd(n, d);
        long a = n / g;
        long b = d / g;
        return b == 1 ? Long.toString(a) : a + "/" + b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.max(1, Math.abs(a)) : gcd(b, a % b);
    }

    /** Which messengers a pattern captures, for example {@code #3, #4} or {@code none}. */
    public static String captured(int lost, int rounds) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= rounds; k++) {
            if (((lost >>> (k - 1)) & 1) == 1) {
                sb.append(sb.length() == 0 ? "#" : ", #").append(k);
            }
        }
        return sb.length() == 0 ? t("none", "없음") : sb.toString();
    }
}
