package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.crash.QuorumClient.Op;
import dev.dbinternals.ch08.failuremodels.crash.QuorumClient.Result;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * One scripted run of a majority-replicated register on the fixed list {A, B, C} (tolerates
 * {@code f = 1}), in which C crashes after acknowledging a write, and four ways the story goes on.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌), in paraphrase: crash-stop is not crash-recovery, even
 * if a recovered process is brought back as a new one. The write {@code x = 42} is acknowledged
 * by A and C (B is cut off); C crashes; later A becomes unreachable and the client reads:
 * <ul>
 *   <li>{@link Case#CRASH_STOP}: C never returns. C used up the one fault the algorithm
 *       tolerates, so losing A too is beyond {@code f}: the read blocks. Safe, not live.</li>
 *   <li>{@link Case#CRASH_RECOVERY}: C comes back with its synced state; the read from {B, C}
 *       returns 42. Recovery restored availability.</li>
 *   <li>{@link Case#RE_ADDED_BLANK}: C comes back with empty memory and is counted as a member
 *       again; the read from {B, C} returns nothing: an <b>acknowledged write is lost</b>.</li>
 *   <li>{@link Case#NEW_PROCESS}: a fresh process D joins instead; the fixed list ignores its
 *       answers, so the read blocks, as in crash-stop.</li>
 * </ul>
 * Not thread-safe.
 */
public final class FixedMembership {

    /** How the story continues after C crashes. */
    public enum Case {
        CRASH_STOP("C stays down (crash-stop)", "C는 내려간 채로 있다(충돌-정지)"),
        CRASH_RECOVERY("C restarts from its synced disk (crash-recovery)", "C가 동기화된 디스크에서 재시작한다(충돌-복구)"),
        RE_ADDED_BLANK("C restarts with empty memory and rejoins under its old name", "C가 빈 메모리로 재시작해 옛 이름으로 다시 합류한다"),
        NEW_PROCESS("a blank process D answers too, but it is not in the list", "빈 프로세스 D도 답하지만 목록에 없다");

        final String story;
        final String storyKo;

        Case(String story, String storyKo) {
            this.story = story;
            this.storyKo = storyKo;
        }

        public String story() {
            return t(story, storyKo);
        }
    }

    /** The write's and the read's results, plus the processes whose answers did not count. */
    public record Outcome(Case c, Result write, Result read, Set<Address> ignored, Simulation sim) {
        /** The acknowledged write was not seen by a completed read: the safety violation. */
        public boolean lostAcknowledgedWrite() {
            return write.completed() && read.completed() && !(read.found() && read.value() == write.op().value());
        }
    }

    private FixedMembership() {
    }

    public static Outcome run(Case c, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(Duration.ofNanos(500_000), Duration.ofMillis(5))));
        Durability cDisk = c == Case.RE_ADDED_BLANK ? Durability.MEMORY_ONLY : Durability.SYNC_THEN_ACK;
        Address a = sim.addNode("A", () -> new RegisterNode(Durability.SYNC_THEN_ACK));
        Address b = sim.addNode("B", () -> new RegisterNode(Durability.SYNC_THEN_ACK));
        Address cc = sim.addNode("C", () -> new RegisterNode(cDisk));
        List<Address> members = List.of(a, b, cc);
        Address w = sim.addNode("client", () -> new QuorumClient(members,
                List.of(Op.write(Duration.ZERO, "x", 42), Op.read(Duration.ofMillis(320), "x")),
                Duration.ofMillis(50), Duration.ofMillis(600)));
        sim.network().partition(Set.of(w), Set.of(b));
        sim.at(Duration.ofMillis(100), () -> {
            sim.network().heal();
            sim.crash(cc);
        });
        if (c == Case.NEW_PROCESS) {
            // D answers whoever asks, from an empty register: only the client's list keeps it out
            sim.at(Duration.ofMillis(200), () -> sim.addNode("D", () -> new RegisterNode(Durability.SYNC_THEN_ACK)));
        }
        if (c == Case.CRASH_RECOVERY || c == Case.RE_ADDED_BLANK) {
            sim.at(Duration.ofMillis(200), () -> sim.restart(cc));
        }
        sim.at(Duration.ofMillis(300), () -> sim.network().partition(Set.of(w), Set.of(a)));
        QuorumClient client = sim.node(w, QuorumClient.class);
        sim.runUntil(client::done, Duration.ofSeconds(5));
        if (!client.done()) {
            throw new IllegalStateException("the script did not finish (seed " + seed + ")");
        }
        return new Outcome(c, client.results().get(0), client.results().get(1), client.ignored(), sim);
    }
}
