package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.replication.QuorumScenario;
import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.concurrency.replication.Versioned;
import dev.dbinternals.ch08.harness.Address;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-4: the reader's read-repair planner, on its own and inside the quorum scenario.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-4--*}):
 * <ul>
 *   <li>{@code newest-by-value}: takes the largest value as the newest copy;</li>
 *   <li>{@code repair-everyone}: sends the newest copy to replicas that already hold it;</li>
 *   <li>{@code skip-empty-replicas}: leaves replicas that hold nothing for the key unrepaired.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-4: add read repair")
class ReadRepairExerciseTest {

    @Test
    void shouldPickTheNewestCopyAndRepairOnlyOlderReplicas() {
        Map<Address, Versioned> replies = new LinkedHashMap<>();
        replies.put(Address.of("r1"), new Versioned(1, 10));
        replies.put(Address.of("r2"), new Versioned(2, 20));
        replies.put(Address.of("r3"), Versioned.NONE);

        var plan = ReadRepairPlanner.plan(replies);

        assertThat(plan.newest()).as(t("the copy with the highest version", "버전이 가장 높은 사본이어야 해요")).isEqualTo(new Versioned(2, 20));
        assertThat(plan.repairs()).as(t("r1 and r3 are older; r2 is current", "r1과 r3은 오래됐고 r2는 최신이에요"))
                .containsOnlyKeys(Address.of("r1"), Address.of("r3"))
                .containsValue(new Versioned(2, 20));
    }

    @Test
    void shouldJudgeCopiesByVersionNotByValue() {
        // a register may be overwritten with a smaller number: the value says nothing about age
        Map<Address, Versioned> replies = new LinkedHashMap<>();
        replies.put(Address.of("r1"), new Versioned(9, 1));
        replies.put(Address.of("r2"), new Versioned(3, 2));

        var plan = ReadRepairPlanner.plan(replies);

        assertThat(plan.newest()).as(t("r1 holds 9 written at version 1, r2 holds 3 written later, at version 2: which is"
                + " the newest copy?", "r1은 버전 1에서 쓴 9를, r2는 나중에 버전 2에서 쓴 3을 가지고 있어요:"
                + " 가장 새로운 사본은 어느 것일까요?")).isEqualTo(new Versioned(3, 2));
        assertThat(plan.repairs()).as(t("only r1 is behind", "뒤처진 것은 r1뿐이에요")).containsOnlyKeys(Address.of("r1"));
    }

    @Test
    void shouldRepairNothingWhenNoReplicaIsBehind() {
        Map<Address, Versioned> empty = new LinkedHashMap<>();
        empty.put(Address.of("r1"), Versioned.NONE);
        empty.put(Address.of("r2"), Versioned.NONE);
        Map<Address, Versioned> same = new LinkedHashMap<>();
        same.put(Address.of("r1"), new Versioned(7, 3));
        same.put(Address.of("r2"), new Versioned(7, 3));

        var nothing = ReadRepairPlanner.plan(empty);
        var current = ReadRepairPlanner.plan(same);

        assertThat(nothing.newest()).as(t("no replica has the key: the newest copy is Versioned.NONE", "키를 가진 복제본이 없어요: 가장 새로운 사본은 Versioned.NONE이에요")).isEqualTo(Versioned.NONE);
        assertThat(nothing.repairs()).as(t("nothing to repair when every replica has nothing", "모든 복제본에 아무것도 없으면 복구할 것도 없어요")).isEmpty();
        assertThat(current.newest()).isEqualTo(new Versioned(7, 3));
        assertThat(current.repairs()).as(t("replicas that already hold the newest version need no repair", "이미 최신 버전을 가진 복제본은 복구할 필요가 없어요")).isEmpty();
    }

    @Test
    void shouldConvergeEveryReplicaInTheSimulation() {
        var outcome = new QuorumScenario(new Quorums(3, 2, 2), true, ReadRepairPlanner::plan).run(1);

        assertThat(outcome.replicasConverged()).as(t("all replicas hold the same copy after repaired reads: %s", "복구하는 읽기 뒤에는 모든 복제본이 같은 사본을 가져야 해요: %s"), outcome.replicasAtEnd())
                .isTrue();
        assertThat(outcome.firstRead()).isEqualTo(1L);
    }
}
