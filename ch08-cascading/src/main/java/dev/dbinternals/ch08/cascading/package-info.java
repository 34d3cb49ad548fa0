/**
 * Chapter 8 of <i>Database Internals</i>: "Processing" (프로세싱) and "Cascading Failures"
 * (계단식 장애), on the harness's deterministic simulator. This package holds the demos, numbered
 * in reading order ({@code Demo01QueuesAndBackpressure} … {@code Demo08Hotspots}, listed in
 * {@code demos.txt}) and their text tables; the ideas are in the subpackages, in the order the
 * book takes them:
 * <ol>
 *   <li>{@link dev.dbinternals.ch08.cascading.processing} — processing (프로세싱): a bounded queue
 *       in front of a worker, backpressure (백프레셔), Little's law and queue sizing, the slowest
 *       node of a fan-out;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.backoff} — backoff (백오프) and jitter (지터) for
 *       clients contending on one resource;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.breaker} — the circuit breaker (서킷 브레이커): a
 *       dependency's failure stopped at the caller;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.storm} — a retry storm (amplification, 증폭), a retry
 *       budget, breakers: the cascading failure itself, built from the three packages above;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.checksums} — checksums (체크섬) and validation stop
 *       corrupted records from spreading;</li>
 *   <li>{@link dev.dbinternals.ch08.cascading.hotspots} — hotspots (핫스팟) and a coordinator's
 *       plan.</li>
 * </ol>
 */
package dev.dbinternals.ch08.cascading;
