/**
 * Backoff (백오프) and jitter (지터): how long a client waits before it retries. {@code BackoffPolicy}
 * is the contract; {@code ExponentialBackoff} doubles a ceiling up to a cap, {@code FullJitter},
 * {@code EqualJitter} and {@code DecorrelatedJitter} randomise the wait under it;
 * {@code Contention} runs N clients on one compare-and-set record to count what each policy costs.
 */
package dev.dbinternals.ch08.cascading.backoff;
