package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise links-1: deduplication in the receiver (중복 제거).
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제) and Message order (메시지
 * 순서). A sender that retransmits until acknowledged makes the receiver see some messages more
 * than once. Make {@link #firstDelivery} return {@code true} the first time a (sender, sequence
 * number) pair arrives and {@code false} for every later copy, in any arrival order.
 *
 * <p>Memory must stay bounded however long the run: {@link #remembered} reports how many
 * sequence numbers of a sender you keep one by one. Once every number from 1 to some {@code n}
 * has arrived (in any order), you keep none of them one by one, so after a million messages
 * in order it is 0; only numbers that arrived while an earlier one is still missing may be kept,
 * each counted once. This is a step towards links-8, whose receiver must do the same.
 */
public final class DedupReceiver {

    /** True the first time {@code seq} from {@code from} arrives, false for every copy after it. Sequence numbers start at 1. */
    public boolean firstDelivery(Address from, long seq) {
        throw new NotDoneYet("links-1", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/DedupReceiver.java",
                "make firstDelivery() return true for a new (sender, seq) and false for a sequence number already seen",
                "firstDelivery()가 새 (sender, seq)에는 true를, 이미 본 시퀀스 번호에는 false를 반환하게 만드세요");
    }

    /** How many sequence numbers from {@code from} this receiver keeps one by one. */
    public int remembered(Address from) {
        throw new NotDoneYet("links-1", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/DedupReceiver.java",
                "make remembered() return how many of this sender's numbers you keep one by one",
                "remembered()가 이 송신자의 번호 중 하나하나 따로 기억하는 개수를 반환하게 만드세요");
    }
}
