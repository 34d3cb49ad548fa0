/**
 * Chapter 8, "FLP Impossibility" (FLP 불가능성 이론) and "System Synchrony" (시스템 동기성).
 *
 * <p>Start with {@link dev.dbinternals.ch08.flp.ConsensusProperties} (agreement, validity,
 * termination, stated correctly), {@link dev.dbinternals.ch08.flp.ConsensusModel} (the
 * asynchronous system with one crash, for the explorer) and
 * {@link dev.dbinternals.ch08.flp.FlpAnalysis} (which property each protocol gives up, valence,
 * Lemma 2, critical steps). For timing: {@link dev.dbinternals.ch08.flp.TimingModel},
 * {@link dev.dbinternals.ch08.flp.FloodSetNode} (synchronous model),
 * {@link dev.dbinternals.ch08.flp.QuorumConsensusNode} (partial synchrony) and
 * {@link dev.dbinternals.ch08.flp.SynchronyExperiment}.
 */
package dev.dbinternals.ch08.flp;
