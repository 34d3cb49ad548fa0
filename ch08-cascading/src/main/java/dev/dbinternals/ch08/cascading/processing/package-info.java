/**
 * Processing (프로세싱): remote work waits in the receiver's queue before it is served.
 * {@code ServerNode} is a bounded queue in front of one worker, {@code LoadGenerator} the
 * producer (open loop, bursts, credit-based backpressure, a pluggable {@code RateController}),
 * {@code Wire} their messages, {@code LatencyStats} what the producer measures on its own clock,
 * {@code QueueExperiment} one producer and one server on the simulator; {@code QueueSizing} is
 * Little's law (L = λW) and the sizing arithmetic; {@code FanOut} a parallel job that runs at the
 * speed of its slowest node.
 */
package dev.dbinternals.ch08.cascading.processing;
