package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * A deterministic, asynchronous, binary consensus protocol for the {@link ConsensusModel}.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Each process starts with an input
 * bit and reacts to the messages it receives; it has no clock and no timeouts, because in the
 * fully asynchronous model a message may take arbitrarily long and a slow process cannot be told
 * from a crashed one. "Deterministic" means the reaction is a function of the process's own
 * history: its id, its input, and the messages it received, in order.
 *
 * <p>A correct consensus protocol would guarantee, in every run with at most one crash:
 * <ul>
 *   <li><b>agreement</b> (일치성): no two processes decide differently;</li>
 *   <li><b>validity</b> (유효성): a decided value is the input of some process (not a fixed default);</li>
 *   <li><b>termination</b> (유한성, 종료): every <em>correct</em> (non-crashed) process eventually decides.</li>
 * </ul>
 * FLP (Fischer, Lynch and Paterson, 1985) shows no such protocol exists. For a protocol whose
 * runs in this model end and fit in the explorer's limit (two million configurations from one
 * initial configuration), {@link FlpAnalysis} finds which property it gives up and a shortest
 * run that shows it.
 */
public interface ConsensusProtocol {

    /** A short name for tables. */
    String name();

    /**
     * What {@code self} does after receiving {@code received} (in order): called once at the start
     * with an empty list, then after each message that arrives. Return only the <em>new</em>
     * messages to send in this step.
     *
     * @param n     number of processes, ids {@code 0 .. n-1}
     * @param input this process's input bit
     */
    Reaction react(int self, int n, int input, List<Message> received);
}
