/**
 * Chapter 8, Distributed System Abstractions → Links (분산 시스템 추상화 → 링크), and Local and
 * Remote Execution (로컬 실행과 원격 실행). This package holds the demos, numbered in reading
 * order ({@code Demo01FairLoss} … {@code Demo12ForgedFrame}, listed in {@code demos.txt}); the
 * ideas are in the subpackages, in the order the book takes them:
 * <ol>
 *   <li>{@link dev.dbinternals.ch08.links.ladder} — the links, each built on the one below:
 *       fair-loss, acknowledgements, stubborn, perfect (공정 손실 링크, 메시지 확인 응답,
 *       메시지 재전송, 메시지 순서); start with {@code FairLossLink}, {@code StubbornLink},
 *       {@code PerfectLink};</li>
 *   <li>{@link dev.dbinternals.ch08.links.exactlyonce} — the problem with retransmits and
 *       exactly-once processing (재전송 문제, 정확히 한 번만 전달);</li>
 *   <li>{@link dev.dbinternals.ch08.links.remote} — local and remote execution (로컬 실행과 원격
 *       실행): paging through a link, merging replicas;</li>
 *   <li>{@link dev.dbinternals.ch08.links.ids} — message identifiers;</li>
 *   <li>{@link dev.dbinternals.ch08.links.security} — forged frames: a checksum is not
 *       authentication (the fallacy "the network is secure", 분산 컴퓨팅의 오류);</li>
 *   <li>{@link dev.dbinternals.ch08.links.check} — running a link and checking its properties
 *       over the history of a run.</li>
 * </ol>
 */
package dev.dbinternals.ch08.links;
