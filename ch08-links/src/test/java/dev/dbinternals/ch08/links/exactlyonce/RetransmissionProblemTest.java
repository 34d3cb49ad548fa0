package dev.dbinternals.ch08.links.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.Experiments;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Problem with retransmits (재전송 문제): the same clients, faults and seeds, with and without dedup. */
class RetransmissionProblemTest {

    static final int CHARGES = 20;

    @Test
    void shouldChargeSomeCustomersTwiceWithoutDedupButNeverWithIt() {
        AtomicInteger doubleWithout = new AtomicInteger();
        AtomicInteger doubleWith = new AtomicInteger();
        int seeds = Seeds.check("double charges", 100, seed -> {
            PaymentServer without = Experiments.payments(seed, false, CHARGES).server();
            PaymentServer with = Experiments.payments(seed, true, CHARGES).server();
            doubleWithout.addAndGet(without.doubleCharges());
            doubleWith.addAndGet(with.doubleCharges());
            assertThat(with.doubleCharges()).as("with dedup, no request is charged twice").isZero();
            assertThat(with.chargedTo("alice")).as("20 charges of 100").isEqualTo(CHARGES * 100L);
            assertThat(without.chargedTo("alice")).as("without dedup, never less than asked").isGreaterThanOrEqualTo(CHARGES * 100L);
            // the idempotent operation needs no help: it started once either way
            assertThat(without.shutdownStarts()).as("shutdown started once without dedup").isEqualTo(1);
            assertThat(with.shutdownStarts()).as("shutdown started once with dedup").isEqualTo(1);
        });
        System.out.printf("%d seeds x %d charges: %d double charges without dedup, %d with%n", seeds, CHARGES, doubleWithout.get(), doubleWith.get());
        if (seeds >= 10) { // a replay of one seed need not show it
            assertThat(doubleWithout.get()).as("at-least-once delivery without dedup double-charges").isPositive();
        }
    }
}
