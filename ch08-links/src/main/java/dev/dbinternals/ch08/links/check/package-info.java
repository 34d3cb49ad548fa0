/**
 * Running a link and checking what it did. {@code LinkNode} runs a link and a workload on a harness
 * node, {@code LinkPair} a simulated A→B pair, {@code LossyNode} injects loss on real UDP;
 * {@code LinkLog} and {@code LinkEvents} record a run's history (from the application or from the
 * simulation trace), {@code FrameFates} reads each frame's fate from the trace, and
 * {@code LinkChecks} checks the links' properties over a history: fair loss, finite duplication,
 * no creation, reliable delivery, no duplication, FIFO order.
 */
package dev.dbinternals.ch08.links.check;
