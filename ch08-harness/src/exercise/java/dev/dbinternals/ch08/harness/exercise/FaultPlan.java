package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;

/**
 * Exercise harness-3: configure faults and a fault plan so that a ping-pong run produces the
 * diagram below (a pinger A retransmitting every 5 ms, a ponger B).
 *
 * <pre>
 *   A -x B   the very first ping is LOST (LOSS)
 *   A ->> B  its retransmission arrives
 *   B ->> A  pongs ... and the first pong, only that one, is DUPLICATED by the network
 *   B        CRASHES at exactly 30 ms (note over B)
 *   A -x B   pings sent meanwhile are dropped: RECEIVER_CRASHED
 *   B        RESTARTS at exactly 60 ms, and A finishes all its pings
 *   (nothing is ever corrupted or dropped for any other reason)
 * </pre>
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애):
 * a random fault injector is a weak grader; tests script the faults that matter. The harness
 * README lists the faults a simulation can inject and how a test schedules them. Stateless.
 */
public final class FaultPlan {
    private FaultPlan() {
    }

    /** Sets up the faults of a run in which {@code a} pings {@code b}; called before the run starts. */
    public static void apply(Simulation sim, Address a, Address b) {
        throw new NotDoneYet("harness-3", "ch08-harness/src/exercise/java/dev/dbinternals/ch08/harness/exercise/FaultPlan.java",
                "lose the first ping, duplicate the first pong, crash B at 30 ms and restart it at 60 ms",
                "첫 핑을 잃고, 첫 퐁을 중복시키고, 30 ms에 B를 충돌시키고 60 ms에 재시작하는 장애 계획을 작성하세요.");
    }
}
