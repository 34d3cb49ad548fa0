package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * Exercise tg-5, reference solution: a chain of confirmations in C(3). Bit 1 means "the plan is
 * ATTACK and every messenger addressed to me so far said so"; a general attacks only if the
 * whole chain addressed to it arrived. Only the run that captures the last messenger disagrees
 * (the sender of the last messenger cannot know), which the enumeration shows is the fewest.
 */
public final class YourOneBitProtocol implements OneBitProtocol {

    @Override
    public int rounds() {
        return 3;
    }

    @Override
    public boolean send(int round, Plan plan, List<Heard> heard) {
        boolean allHeard = heard.stream().allMatch(h -> h == Heard.ONE);
        return plan != Plan.RETREAT && allHeard;
    }

    @Override
    public boolean attacks(General general, Plan plan, List<Heard> heard) {
        boolean allHeard = heard.stream().allMatch(h -> h == Heard.ONE);
        return plan != Plan.RETREAT && allHeard && !heard.isEmpty();
    }
}
