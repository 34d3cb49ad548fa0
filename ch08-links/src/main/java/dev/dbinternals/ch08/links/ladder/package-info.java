/**
 * Links (링크), step by step: {@code FairLossLink} (공정 손실 링크), {@code AckingLink}
 * (메시지 확인 응답), {@code StubbornLink} (메시지 재전송) and {@code PerfectLink} (메시지 순서: sequence
 * numbers, acknowledgements, {@code n_consecutive} / {@code n_processed}, a reorder buffer), all
 * behind the one interface {@code Link} and on the same {@code Frame}. {@code WindowedPerfectLink}
 * goes further than the book (a bounded window with backpressure, an adaptive timeout,
 * incarnations), built from {@code SendWindow} and {@code ReorderBuffer}; {@code BatchingLink} packs
 * small messages into one.
 */
package dev.dbinternals.ch08.links.ladder;
