package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise conc-8 (protocol): a replicated register that behaves like one register.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): quorums, R + W > N. Each of the N nodes
 * ({@code replicas}, this one included) is a replica of one register that starts at 0, and the
 * coordinator of one client. The client sends a {@link ClientRead} or {@link ClientWrite} and
 * waits for the {@link ReadOk} or {@link WriteOk} with the same {@code op} before its next one.
 * A read is answered only after R replicas have answered this node, a write only after
 * W replicas have acknowledged ({@code quorums.r()}, {@code quorums.w()}).
 *
 * <p>What the test checks over 2,300 runs, with frames between nodes lost, duplicated, corrupted,
 * delayed and reordered, node clocks off by up to ±200 ms, and in half the runs one node crashed
 * for good (and over 20 runs of one fixed partition): the clients' history is
 * linearizable (their reads and writes can be put in one order, consistent with real time, in
 * which every read returns the latest write), and every operation sent to a node that stays up
 * gets its reply. The client records and codec ids 1-4 are fixed; the others are a starting
 * point, change them as you like. Keep a node deterministic (time and randomness from {@code ctx}).
 */
public final class QuorumRegisterNode implements Node {

    public record ClientRead(long op) { }
    public record ClientWrite(long op, long value) { }
    public record ReadOk(long op, long value) { }
    public record WriteOk(long op) { }
    public record Query(long req) { }
    public record QueryReply(long req, long value, long version) { }
    public record Store(long req, long value, long version) { }
    public record StoreAck(long req) { }

    public static final Codec CODEC = Codec.builder()
            .register(1, ClientRead.class).register(2, ClientWrite.class).register(3, ReadOk.class).register(4, WriteOk.class)
            .register(5, Query.class).register(6, QueryReply.class).register(7, Store.class).register(8, StoreAck.class)
            .withChecksum().build();

    private final List<Address> replicas;
    private final Quorums quorums;

    public QuorumRegisterNode(List<Address> replicas, Quorums quorums) {
        this.replicas = List.copyOf(replicas);
        this.quorums = quorums;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] frame) {
        Object m = CODEC.receive(ctx, frame).orElse(null); // null: a corrupted frame, already counted
        if (m instanceof ClientRead || m instanceof ClientWrite) {
            throw new NotDoneYet("conc-8", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/QuorumRegisterNode.java",
                    "answer every client read and write so that the clients' history stays linearizable under loss, duplication,"
                            + " reordering and one crash, and every operation ends",
                    "메시지 손실, 중복, 순서 바뀜과 노드 하나의 충돌(crash)이 있어도 클라이언트의 히스토리가 선형적이고 모든 연산이 끝나도록,"
                            + " 클라이언트의 모든 읽기와 쓰기에 답하는 코드를 구현하세요.");
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
    }
}
