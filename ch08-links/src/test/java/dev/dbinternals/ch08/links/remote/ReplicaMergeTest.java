package dev.dbinternals.ch08.links.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.remote.ReplicaMerge.Result;
import dev.dbinternals.ch08.links.remote.ReplicaMerge.Row;
import dev.dbinternals.ch08.links.remote.ReplicaMerge.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging and reconciling pages from three replicas (로컬 실행과 원격 실행: 병합, 데이터 조정), Demo 10's claims. */
class ReplicaMergeTest {

    private static final int KEYS = 40;
    private static final int PAGE = 10;

    @Test
    void shouldReturnTheNewestVersionOfEveryKeyWhenMergingAllThreeReplicas() {
        Seeds.check("merge of 3 replicas by version", 300, seed -> {
            // given three replicas, one slow, one stale (older versions of three keys, one insert missing)
            Scenario s = ReplicaMerge.scenario(seed, KEYS);
            // when the client merges the pages of all three
            Result r = ReplicaMerge.read(seed, s, 3, PAGE, LinkFaults.none());
            // then it returns exactly the newest version of every key, once each, in key order
            assertThat(r.merged()).containsExactlyElementsOf(s.newest().values());
            assertThat(r.picked()).containsExactlyInAnyOrder(0, 1, 2);
        });
    }

    @Test
    void shouldStillMergeCorrectlyWhenTheLinksLoseAndDuplicateFrames() {
        Seeds.check("merge of 3 replicas under loss and duplication", 100, seed -> {
            Scenario s = ReplicaMerge.scenario(seed, KEYS);
            Result r = ReplicaMerge.read(seed, s, 3, PAGE, LinkFaults.none().withLoss(0.2).withDuplication(0.2));
            assertThat(r.merged()).containsExactlyElementsOf(s.newest().values());
        });
    }

    @Test
    void shouldBeRightWithTwoOfThreeBecauseEveryWriteIsOnTwoReplicas() {
        Seeds.check("merge of the first 2 replicas to answer", 300, seed -> {
            Scenario s = ReplicaMerge.scenario(seed, KEYS);
            Result r = ReplicaMerge.read(seed, s, 2, PAGE, LinkFaults.none());
            assertThat(r.merged()).containsExactlyElementsOf(s.newest().values());
        });
    }

    @Test
    void shouldWaitForTheSlowReplicaWhenMergingAllThree() {
        Seeds.check("merge of 3 is bound by the slowest replica", 100, seed -> {
            Scenario s = ReplicaMerge.scenario(seed, KEYS);
            Result all = ReplicaMerge.read(seed, s, 3, PAGE, LinkFaults.none());
            Result first = ReplicaMerge.read(seed, s, 1, PAGE, LinkFaults.none());
            long slowRoundTrip = 2 * s.delays().get(s.slow()).toNanos();
            // every replica holds at least KEYS - 1 keys, so at least KEYS / PAGE pages of it are read one after another
            assertThat(all.elapsedNanos()).isGreaterThanOrEqualTo(slowRoundTrip * (KEYS / PAGE));
            assertThat(first.picked()).doesNotContain(s.slow());
            assertThat(first.elapsedNanos()).isLessThan(all.elapsedNanos());
        });
    }

    @Test
    void shouldShowTheFirstAnswerClientWrongOnSomeSeedsAndRightOnOthers() {
        // given many scenarios; when a client keeps only the first replica to answer
        List<Long> wrong = new ArrayList<>();
        List<Long> right = new ArrayList<>();
        for (long seed = 1; seed <= 60; seed++) {
            Scenario s = ReplicaMerge.scenario(seed, KEYS);
            Result r = ReplicaMerge.read(seed, s, 1, PAGE, LinkFaults.none());
            boolean ok = ReplicaMerge.wrongKeys(r.merged(), s.newest()).isEmpty();
            (ok ? right : wrong).add(seed);
            // then it is wrong exactly when the replica it picked is the stale one
            assertThat(ok).as("seed %d: picked %s, stale %d", seed, r.picked(), s.stale()).isEqualTo(r.picked().get(0) != s.stale());
        }
        assertThat(wrong).as("seeds where the first answer was stale").isNotEmpty();
        assertThat(right).as("seeds where the first answer was right").isNotEmpty();
    }

    @Test
    void shouldShowReconcilingByArrivalOrByValueWrongWhereByVersionIsRight() {
        boolean arrivalWrong = false;
        boolean valueWrong = false;
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = ReplicaMerge.scenario(seed, KEYS);
            Result r = ReplicaMerge.read(seed, s, 3, PAGE, LinkFaults.none());
            List<Row> concat = r.arrivals();
            // a concatenating client returns every key once per replica that holds it
            assertThat(concat).hasSizeGreaterThan(2 * KEYS);
            arrivalWrong |= !ReplicaMerge.wrongKeys(ReplicaMerge.byArrival(concat), s.newest()).isEmpty();
            valueWrong |= !ReplicaMerge.wrongKeys(ReplicaMerge.byValue(concat), s.newest()).isEmpty();
            assertThat(ReplicaMerge.wrongKeys(r.merged(), s.newest())).isEmpty();
        }
        assertThat(arrivalWrong).as("reconciling by arrival wrong on some seed").isTrue();
        assertThat(valueWrong).as("reconciling by value wrong on some seed").isTrue();
    }

    @Test
    void shouldBuildTheSameScenarioFromTheSameSeed() {
        assertThat(ReplicaMerge.scenario(7, KEYS)).isEqualTo(ReplicaMerge.scenario(7, KEYS));
        Scenario s = ReplicaMerge.scenario(7, KEYS);
        // the stale replica differs from the newest data; the other two hold it exactly
        for (int r = 0; r < 3; r++) {
            assertThat(s.replicas().get(r).equals(s.newest())).as("replica %d", r).isEqualTo(r != s.stale());
        }
    }
}
