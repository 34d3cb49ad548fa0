package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * Wire messages of the two timing experiments ({@link FloodSetNode}, {@link QuorumConsensusNode}),
 * encoded with the harness codec (records only, never Java serialisation).
 */
final class SyncMessages {

    private SyncMessages() {
    }

    /** FloodSet: the values the sender knows in {@code round} (bit 0: value 0 known, bit 1: value 1 known). */
    record Values(int round, int known) {
    }

    /** Phase 1a: a proposer asks acceptors to promise to ignore ballots below {@code ballot}. */
    record Prepare(long ballot) {
    }

    /** Phase 1b: the promise, with the acceptor's last accepted ballot and value (-1 if none). */
    record Promise(long ballot, long acceptedBallot, int acceptedValue) {
    }

    /** Phase 2a: accept {@code value} in {@code ballot}. */
    record Accept(long ballot, int value) {
    }

    /** Phase 2b: the sender accepted {@code value} in {@code ballot}; sent to everyone, who count a majority. */
    record Accepted(long ballot, int value) {
    }

    /** A decided value, for processes that missed the votes. */
    record Decide(int value) {
    }

    static final Codec CODEC = Codec.builder()
            .register(1, Values.class)
            .register(2, Prepare.class)
            .register(3, Promise.class)
            .register(4, Accept.class)
            .register(5, Accepted.class)
            .register(6, Decide.class)
            .build();
}
