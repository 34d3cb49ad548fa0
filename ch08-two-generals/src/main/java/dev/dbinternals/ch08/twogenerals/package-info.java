/**
 * Chapter 8, "Two Generals' Problem" (두 장군 문제): two generals must agree to attack, talking
 * through messengers any of whom may be captured.
 *
 * <p>Start with {@link dev.dbinternals.ch08.twogenerals.MessengerProtocol} (what a protocol is),
 * {@link dev.dbinternals.ch08.twogenerals.AckRounds} (acknowledging acknowledgements, k rounds
 * deep), {@link dev.dbinternals.ch08.twogenerals.TwoGeneralsChecker} (every loss pattern explored)
 * and {@link dev.dbinternals.ch08.twogenerals.LastMessageArgument} (the impossibility proof's argument, run on one protocol).
 * {@link dev.dbinternals.ch08.twogenerals.LossyValley} measures the odds on the harness simulation.
 */
package dev.dbinternals.ch08.twogenerals;
