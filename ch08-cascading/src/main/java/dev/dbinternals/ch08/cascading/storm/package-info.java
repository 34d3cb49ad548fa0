/**
 * A retry storm: the cascading failure (계단식 장애) that retries turn a short slowdown into.
 * {@code RetryingClient} retries with a backoff policy, optionally under a retry budget and per-server
 * breakers; {@code RetryStorm} runs clients against servers that pause, and measures goodput and
 * amplification (증폭).
 */
package dev.dbinternals.ch08.cascading.storm;
