package dev.dbinternals.ch08.concurrency.coffee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("동시성과 병렬성: one coffee machine for two queues vs two")
class CoffeeShopTest {

    @Test
    void shouldGiveTheSameDayForTheSameSeed() {
        assertThat(new CoffeeShop(1, 1.5, 30, 240, 7).run()).isEqualTo(new CoffeeShop(1, 1.5, 30, 240, 7).run());
    }

    @Test
    void shouldNeverServeMoreThanOneMachineCanMake() {
        // given a load of 120% of one machine (2 coffees/min at 30 s each)
        var r = new CoffeeShop(1, 1.2, 30, 480, 1).run();

        // then throughput is capped near 2/min and waiting grows
        assertThat(r.throughputPerMinute()).isLessThanOrEqualTo(60.0 / 30 * 1.5 / 1.0);
        assertThat(r.served()).isLessThan(r.arrived());
        assertThat(r.meanWaitSeconds()).isGreaterThan(600);
    }

    @Test
    void shouldWaitLessWithTwoMachinesOnTheSameCustomers() {
        for (double load : new double[] {0.5, 0.8, 0.95}) {
            double perQueue = load * 2.0 / 2;
            var concurrent = new CoffeeShop(1, perQueue, 30, 480, 3).run();
            var parallel = new CoffeeShop(2, perQueue, 30, 480, 3).run();

            assertThat(parallel.arrived()).isEqualTo(concurrent.arrived());
            assertThat(parallel.meanWaitSeconds()).as("load %s", load).isLessThan(concurrent.meanWaitSeconds());
            assertThat(parallel.utilization()).isLessThan(concurrent.utilization());
        }
    }

    @Test
    void shouldRefuseThreeMachines() {
        assertThatThrownBy(() -> new CoffeeShop(3, 1, 30, 60, 1)).hasMessageContaining("1 or 2");
    }
}
