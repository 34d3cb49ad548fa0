/**
 * The circuit breaker (서킷 브레이커). {@code CircuitBreaker} is the book's idea: closed, open,
 * half-open, and a failure-rate rule; {@code ObservableCircuitBreaker} the same breaker with a
 * listener; {@code Frontend} and {@code BreakerExperiment} a dependency's crash cascading into a
 * front end, with and without a breaker.
 */
package dev.dbinternals.ch08.cascading.breaker;
