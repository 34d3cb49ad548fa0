package dev.dbinternals.ch08.twogenerals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every deterministic protocol of a finite class, checked against every loss pattern: the Two
 * Generals' theorem for a whole class at once rather than for one protocol.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). <b>The class C(r).</b> {@code r}
 * synchronous rounds; in round k one messenger carrying one bit crosses the valley, from A when
 * k is odd and from B when k is even, and it is always sent. A protocol of C(r) is a set of
 * tables ({@link OneBitProtocol}): for each round, the sender's bit as a function of its view
 * (A: the plan and the bits it heard so far; B: the bits it heard so far; a captured messenger
 * shows as {@link Heard#NOTHING}), and for each general, attack or not as a function of its final
 * view. The adversary captures any subset of the r messengers: 2^r loss patterns, under each of
 * the two plans.
 *
 * <p><b>How it is enumerated.</b> A protocol is a string of table bits: {@link #tableBits()} of
 * them (7 for r = 1, 14 for r = 2, 26 for r = 3), so C(r) has 2^tableBits protocols. Renaming the
 * bit of round k (the sender sends the opposite bit, every later table reads it the other way
 * round) changes no decision in any run, and the 2^r renamings act freely, so each class of
 * renamings has exactly 2^r members and exactly one of them sends 0 from the first view of every
 * round's table. {@link #census()} enumerates only those representatives, and inside each
 * message table it computes the 2·2^r final views once and then walks all decision tables with
 * bit operations. {@link #bruteForceCensus()} enumerates every protocol without the pruning
 * (r ≤ 2), and the tests check that both count the same.
 *
 * <p><b>What the counts show.</b> Agreement alone is easy (never attack); validity and
 * non-triviality together are easy (attack when the order arrived); all three together: none,
 * as the Two Generals' theorem says. {@link #chain} runs the proof on one protocol: the r + 1
 * runs "the first j messengers arrive, the rest are captured", j = r … 0; two neighbours differ
 * only for the receiver of messenger j, so the sender's decision carries over, and the walk must
 * end in a disagreement, or in a broken validity or non-triviality.
 *
 * <p>Immutable and thread-safe.
 */
public final class OneBitProtocolClass {

    /** The most rounds the enumeration takes: C(4) has 2^47 protocols. */
    public static final int MAX_ENUMERATED_ROUNDS = 3;

    private final int rounds;
    private final int[] msgSize;   // msgSize[k]: entries of round k's table (index 1..r)
    private final int[] msgOffset;
    private final int decASize;
    private final int decBSize;
    private final int decAOffset;
    private final int decBOffset;
    private final int bits;

    public OneBitProtocolClass(int rounds) {
        if (rounds < 1 || rounds > MAX_ENUMERATED_ROUNDS) {
            throw new IllegalArgumentException("rounds must be 1 to " + MAX_ENUMERATED_ROUNDS + ", got " + rounds);
        }
        this.rounds = rounds;
        msgSize = new int[rounds + 1];
        msgOffset = new int[rounds + 1];
        int off = 0;
        for (int k = 1; k <= rounds; k++) {
            msgSize[k] = viewsBefore(k);
            msgOffset[k] = off;
            off += msgSize[k];
        }
        decASize = 2 * pow3(heardCount(General.A, rounds));
        decBSize = pow3(heardCount(General.B, rounds));
        decAOffset = off;
        off += decASize;
        decBOffset = off;
        off += decBSize;
        bits = off;
    }

    public int rounds() {
        return rounds;
    }

    /** Table bits that define one protocol of C(r): C(r) has 2^tableBits protocols. */
    public int tableBits() {
        return bits;
    }

    /** The number of protocols in C(r). */
    public long size() {
        return 1L << bits;
    }

    /** How many rounds addressed to {@code g} lie among the first {@code k} rounds. */
    static int heardCount(General g, int k) {
        return g == General.B ? (k + 1) / 2 : k / 2;
    }

    static General sender(int round) {
        return round % 2 == 1 ? General.A : General.B;
    }

    private int viewsBefore(int round) {
        General s = sender(round);
        int h = heardCount(s, round - 1);
        return (s == General.A ? 2 : 1) * pow3(h);
    }

    private static int pow3(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 3;
        }
        return p;
    }

    // ---- the protocol behind a code ---------------------------------------------------------

    /** The protocol of C(r) whose table bits are {@code code} (bit i of the code is table entry i). */
    public OneBitProtocol protocol(long code) {
        if (code < 0 || (bits < 63 && code >= size())) {
            throw new IllegalArgumentException("code must be 0 to " + (size() - 1) + ", got " + code);
        }
        return new Tabled(code);
    }

    private static int viewIndex(Plan plan, List<Heard> heard) {
        int idx = 0;
        for (int i = heard.size() - 1; i >= 0; i--) {
            idx = idx * 3 + heard.get(i).ordinal();
        }
        return plan == Plan.UNKNOWN ? idx : 2 * idx + (plan == Plan.ATTACK ? 0 : 1);
    }

    private final class Tabled implements OneBitProtocol {
        private final long code;

        Tabled(long code) {
            this.code = code;
        }

        @Override
        public String name() {
            return "C(" + rounds + ")#" + code;
        }

        @Override
        public int rounds() {
            return rounds;
        }

        @Override
        public boolean send(int round, Plan plan, List<Heard> heard) {
            return ((code >>> (msgOffset[round] + viewIndex(plan, heard))) & 1) == 1;
        }

        @Override
        public boolean attacks(General general, Plan plan, List<Heard> heard) {
            int off = general == General.A ? decAOffset : decBOffset;
            return ((code >>> (off + viewIndex(plan, heard))) & 1) == 1;
        }
    }

    // ---- one run, any protocol of the round structure ----------------------------------------

    /** One run: the plan, which messengers were captured (bit k-1 for messenger k), what each heard, the decisions. */
    public record RoundRun(Plan plan, int lost, List<Boolean> bits, List<Heard> heardByA, List<Heard> heardByB,
                           boolean aAttacks, boolean bAttacks) {

        public boolean agreement() {
            return aAttacks == bAttacks;
        }

        /** "both attack", "A attacks alone", … */
        public String outcome() {
            return GeneralsState.outcomeOf(Decision.of(aAttacks), Decision.of(bAttacks));
        }

        /** For example {@code #1 A→B 1 arrives, #2 B→A 0 captured}. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            for (int k = 1; k <= bits.size(); k++) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                General s = sender(k);
                sb.append('#').append(k).append(' ').append(s).append('→').append(s.other()).append(' ')
                        .append(bits.get(k - 1) ? 1 : 0).append((lost >>> (k - 1) & 1) == 1 ? " captured" : " arrives");
            }
            return sb + " → " + outcome();
        }
    }

    /** Runs {@code p} under {@code plan} with the messengers in {@code lost} captured. */
    public static RoundRun run(OneBitProtocol p, Plan plan, int lost) {
        Objects.requireNonNull(p, "protocol");
        List<Heard> heardA = new ArrayList<>();
        List<Heard> heardB = new ArrayList<>();
        List<Boolean> sentBits = new ArrayList<>();
        for (int k = 1; k <= p.rounds(); k++) {
            General s = sender(k);
            boolean bit = s == General.A ? p.send(k, plan, List.copyOf(heardA)) : p.send(k, Plan.UNKNOWN, List.copyOf(heardB));
            sentBits.add(bit);
            Heard h = ((lost >>> (k - 1)) & 1) == 1 ? Heard.NOTHING : Heard.of(bit);
            (s == General.A ? heardB : heardA).add(h);
        }
        boolean a = p.attacks(General.A, plan, List.copyOf(heardA));
        boolean b = p.attacks(General.B, Plan.UNKNOWN, List.copyOf(heardB));
        return new RoundRun(plan, lost, sentBits, heardA, heardB, a, b);
    }

    /** What checking one protocol against every loss pattern found. Immutable. */
    public record Verdict(String protocol, boolean agreement, boolean validity, boolean nonTriviality,
                          List<RoundRun> disagreeing) {
        public Verdict {
            disagreeing = List.copyOf(disagreeing);
        }

        public boolean all() {
            return agreement && validity && nonTriviality;
        }
    }

    /** Checks {@code p} under both plans and all 2^r loss patterns. */
    public static Verdict check(OneBitProtocol p) {
        int r = p.rounds();
        if (r < 1 || r > 20) {
            throw new IllegalArgumentException("rounds must be 1 to 20 for checking every loss pattern, got " + r);
        }
        boolean validity = true;
        List<RoundRun> disagree = new ArrayList<>();
        for (Plan plan : List.of(Plan.ATTACK, Plan.RETREAT)) {
            for (int lost = 0; lost < (1 << r); lost++) {
                RoundRun run = run(p, plan, lost);
                if (!run.agreement()) {
                    disagree.add(run);
                }
                if (plan == Plan.RETREAT && (run.aAttacks() || run.bAttacks())) {
                    validity = false;
                }
            }
        }
        RoundRun full = run(p, Plan.ATTACK, 0);
        return new Verdict(p.name(), disagree.isEmpty(), validity, full.aAttacks() && full.bAttacks(), disagree);
    }

    /**
     * The proof's chain on one protocol: the runs "the first j messengers arrive, the rest are
     * captured" under plan ATTACK for j = r down to 0, then plan RETREAT with every messenger
     * captured. Stops at the first run that breaks a property; {@code broken} names it.
     */
    public record Chain(List<RoundRun> runs, String broken) {
        public Chain {
            runs = List.copyOf(runs);
        }

        public RoundRun witness() {
            return runs.get(runs.size() - 1);
        }
    }

    /** Walks the chain of r + 2 runs at most (see {@link Chain}). */
    public static Chain chain(OneBitProtocol p) {
        int r = p.rounds();
        List<RoundRun> runs = new ArrayList<>();
        for (int j = r; j >= 0; j--) {
            int lost = ((1 << r) - 1) & ~((1 << j) - 1); // messengers j+1 .. r captured
            RoundRun run = run(p, Plan.ATTACK, lost);
            runs.add(run);
            if (j == r && !(run.aAttacks() && run.bAttacks())) {
                return new Chain(runs, "non-triviality");
            }
            if (!run.agreement()) {
                return new Chain(runs, "agreement");
            }
        }
        RoundRun retreat = run(p, Plan.RETREAT, (1 << r) - 1);
        runs.add(retreat);
        if (retreat.aAttacks() || retreat.bAttacks()) {
            return new Chain(runs, "validity");
        }
        // unreachable: B's view with every messenger captured is the same under both plans
        throw new IllegalStateException(p.name() + ": the chain ended without a broken property; is the protocol deterministic?");
    }

    // ---- the census --------------------------------------------------------------------------

    /**
     * How many protocols of C(r) keep which properties: {@code counts[m]} for the mask
     * m = agreement·4 + validity·2 + non-triviality. Immutable apart from the array, which is copied.
     */
    public record Census(int rounds, long protocols, long enumerated, long[] counts, int fewestDisagreements) {
        public Census {
            counts = counts.clone();
        }

        public long count(boolean agreement, boolean validity, boolean nonTriviality) {
            return counts[(agreement ? 4 : 0) | (validity ? 2 : 0) | (nonTriviality ? 1 : 0)];
        }

        public long keepingAgreement() {
            return counts[4] + counts[5] + counts[6] + counts[7];
        }

        public long keepingValidityAndNonTriviality() {
            return counts[3] + counts[7];
        }

        public long keepingAll() {
            return counts[7];
        }

        /** Runs (of 2·2^r) in which the generals disagree, fewest over the protocols that keep validity and non-triviality. */
        public int fewestDisagreements() {
            return fewestDisagreements;
        }
    }

    /** Counts C(r) by property, enumerating one protocol per class of bit renamings (see the class comment). */
    public Census census() {
        return census(true);
    }

    /** Counts C(r) by property, enumerating every protocol (only for r ≤ 2: C(3) has 67 million). */
    public Census bruteForceCensus() {
        if (rounds > 2) {
            throw new IllegalStateException("brute force is for r <= 2; C(3) has " + size() + " protocols");
        }
        return census(false);
    }

    private Census census(boolean pruneBySymmetry) {
        int msgBits = decAOffset;
        int runs = 2 << rounds;
        int[] viewA = new int[runs];
        int[] viewB = new int[runs];
        boolean[] retreat = new boolean[runs];
        int noLoss = -1;
        long[] counts = new long[8];
        int fewest = Integer.MAX_VALUE;
        long enumerated = 0;
        long decisionTables = 1L << (decASize + decBSize);
        for (long m = 0; m < (1L << msgBits); m++) {
            if (pruneBySymmetry && !canonical(m)) {
                continue;
            }
            // the final views of the 2·2^r runs depend only on the message tables
            int i = 0;
            for (int planIdx = 0; planIdx < 2; planIdx++) {
                for (int lost = 0; lost < (1 << rounds); lost++, i++) {
                    int a = 0; // base-3 digits of what A heard, in order
                    int b = 0;
                    int ha = 0;
                    int hb = 0;
                    for (int k = 1; k <= rounds; k++) {
                        boolean fromA = k % 2 == 1;
                        int view = fromA ? 2 * a + planIdx : b;
                        int bit = (int) ((m >>> (msgOffset[k] + view)) & 1);
                        int heard = ((lost >>> (k - 1)) & 1) == 1 ? Heard.NOTHING.ordinal() : bit;
                        if (fromA) {
                            b += heard * pow3(hb++);
                        } else {
                            a += heard * pow3(ha++);
                        }
                    }
                    viewA[i] = 2 * a + planIdx;
                    viewB[i] = b;
                    retreat[i] = planIdx == 1;
                    if (planIdx == 0 && lost == 0) {
                        noLoss = i;
                    }
                }
            }
            enumerated += decisionTables;
            for (long da = 0; da < (1L << decASize); da++) {
                for (long db = 0; db < (1L << decBSize); db++) {
                    int disagreements = 0;
                    boolean validity = true;
                    for (int j = 0; j < runs; j++) {
                        long x = (da >>> viewA[j]) & 1;
                        long y = (db >>> viewB[j]) & 1;
                        if (x != y) {
                            disagreements++;
                        }
                        if (retreat[j] && (x | y) == 1) {
                            validity = false;
                        }
                    }
                    boolean nonTrivial = ((da >>> viewA[noLoss]) & 1) == 1 && ((db >>> viewB[noLoss]) & 1) == 1;
                    boolean agreement = disagreements == 0;
                    if (validity && nonTrivial) {
                        fewest = Math.min(fewest, disagreements);
                    }
                    counts[(agreement ? 4 : 0) | (validity ? 2 : 0) | (nonTrivial ? 1 : 0)]++;
                }
            }
        }
        if (pruneBySymmetry) {
            long orbit = 1L << rounds;
            for (int c = 0; c < 8; c++) {
                counts[c] *= orbit;
            }
        }
        return new Census(rounds, size(), enumerated, counts, fewest);
    }

    /** True for the one protocol per class of renamings that sends 0 from the first view of every round. */
    boolean canonical(long messageTables) {
        for (int k = 1; k <= rounds; k++) {
            if (((messageTables >>> msgOffset[k]) & 1) != 0) {
                return false;
            }
        }
        return true;
    }
}
