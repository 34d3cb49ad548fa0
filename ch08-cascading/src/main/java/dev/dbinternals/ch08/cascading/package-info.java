/**
 * Chapter 8 of <i>Database Internals</i>: "Processing" (프로세싱) and "Cascading Failures"
 * (계단식 장애), on the harness's deterministic simulator.
 *
 * <p>Reading order (the demos, {@code Demo01}..{@code Demo08}):
 * <ol>
 *   <li>{@link dev.dbinternals.ch08.cascading.ServerNode} and
 *   {@link dev.dbinternals.ch08.cascading.LoadGenerator}: a queue in front of a worker; a
 *   bigger queue adds latency, not throughput; credit-based backpressure (백프레셔);</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.QueueSizing}: Little's law (L = λW), bursts,
 *   sizing a queue for a latency budget;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.FanOut}: a parallel job runs at the speed of its
 *   slowest node;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.BackoffPolicy} and its implementations:
 *   backoff (백오프) and jitter (지터) for contending clients;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.CircuitBreaker}: a dependency's failure stopped at
 *   the caller;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.RetryingClient}: a retry storm (amplification,
 *   증폭), a retry budget, breakers;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.Replication}: checksums (체크섬) stop corrupted
 *   records from spreading;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.LoadPlanner}: hotspots (핫스팟) and a coordinator's
 *   plan.</li>
 * </ol>
 */
package dev.dbinternals.ch08.cascading;
