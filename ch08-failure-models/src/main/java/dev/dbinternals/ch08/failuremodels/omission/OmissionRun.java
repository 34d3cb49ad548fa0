package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.DropReason;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * A primary pushes 200 updates (one every 5 ms) to a backup, fire-and-forget, under one kind of
 * omission fault at a time; the trace says where each missing update went.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락). Where a message can be omitted:
 * <ul>
 *   <li>{@link Scenario#LOSS}: the network loses 5% of frames (a link omission);</li>
 *   <li>{@link Scenario#PARTITION}: for 300 ms nothing crosses (a partition can be described as
 *       message omissions between processes or groups of processes);</li>
 *   <li>{@link Scenario#FULL_SEND_QUEUE}: the link is slower than the primary; frames that find
 *       the outgoing queue full are dropped before they leave: a <b>send omission</b>;</li>
 *   <li>{@link Scenario#FULL_RECEIVE_BUFFER}: the backup drains its buffer slower than updates
 *       arrive; frames that arrive to a full buffer are dropped: a <b>receive omission</b>.</li>
 * </ul>
 * In every case the primary believes it replicated all 200. Not thread-safe.
 */
public final class OmissionRun {

    public static final int UPDATES = 200;

    /** Which omission fault the run injects. */
    public enum Scenario {
        NONE("no fault", "장애 없음"),
        LOSS("the link loses 5% of frames", "링크가 프레임의 5%를 잃는다"),
        PARTITION("a partition from 300 ms to 600 ms", "300 ms부터 600 ms까지 네트워크 파티션"),
        FULL_SEND_QUEUE("a link of 100 B/s with room for 2 waiting frames", "100 B/s 링크, 대기 프레임 자리 2개"),
        FULL_RECEIVE_BUFFER("the backup buffers 4 updates and applies one per 9 ms", "백업이 갱신 4개를 버퍼링하고 9 ms에 하나씩 적용");

        final String description;
        final String descriptionKo;

        Scenario(String description, String descriptionKo) {
            this.description = description;
            this.descriptionKo = descriptionKo;
        }

        /** What goes wrong, in the language in effect. */
        public String description() {
            return t(description, descriptionKo);
        }
    }

    /** What the primary believes, what the backup holds, and where the rest went. */
    public record Outcome(Scenario scenario, long believedReplicated, long applied,
                          Map<DropReason, Long> networkDrops, long receiveOmissions, Simulation sim) {
        public long missing() {
            return believedReplicated - applied;
        }
    }

    private OmissionRun() {
    }

    public static Outcome run(Scenario scenario, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        Address backup = Address.of("backup");
        Supplier<Backup> backupFactory = scenario == Scenario.FULL_RECEIVE_BUFFER
                ? () -> new Backup(4, Duration.ofMillis(9)) : Backup::new;
        Address primary = sim.addNode("primary", () -> new FireAndForgetPrimary(backup, UPDATES, Duration.ofMillis(5)));
        sim.addNode(backup, backupFactory);
        switch (scenario) {
            case LOSS -> sim.network().set(primary, backup, LinkFaults.none().withLoss(0.05));
            case PARTITION -> {
                sim.at(Duration.ofMillis(300), () -> sim.network().partition(Set.of(primary), Set.of(backup)));
                sim.at(Duration.ofMillis(600), () -> sim.network().heal());
            }
            case FULL_SEND_QUEUE -> sim.network().set(primary, backup,
                    LinkFaults.none().withBandwidth(100).withQueueLimit(2));
            default -> {
            }
        }
        sim.runFor(Duration.ofSeconds(3));
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        long receiveOmissions = 0;
        for (TraceEvent e : sim.trace().events()) {
            if (e.kind() == Kind.DROP) {
                drops.merge(e.dropReason(), 1L, Long::sum);
            } else if (e.kind() == Kind.NOTE && e.detail().startsWith(Backup.RECEIVE_OMISSION)) {
                receiveOmissions++;
            }
        }
        return new Outcome(scenario, sim.node(primary, FireAndForgetPrimary.class).believedReplicated(),
                sim.node(backup, Backup.class).applied(), drops, receiveOmissions, sim);
    }
}
