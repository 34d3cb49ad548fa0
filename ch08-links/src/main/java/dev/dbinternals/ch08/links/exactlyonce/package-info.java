/**
 * Links → Problem with retransmits (재전송 문제) and Exactly-once delivery (정확히 한 번만 전달):
 * {@code PaymentServer} / {@code PaymentClient} (a retried charge applied twice unless the server
 * deduplicates), {@code EffectReceiver} and {@code DeliverySemantics} (at-most-once, at-least-once,
 * exactly-once processing across receiver crashes) and {@code TcpPaymentServer} /
 * {@code TcpPaymentClient} (TCP deduplicates only within one connection).
 */
package dev.dbinternals.ch08.links.exactlyonce;
