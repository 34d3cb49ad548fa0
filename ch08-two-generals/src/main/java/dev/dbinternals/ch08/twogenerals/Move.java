package dev.dbinternals.ch08.twogenerals;

/**
 * What the network does to one messenger on the way: it arrives, or it is captured. The only
 * nondeterminism of the model; the explorer tries every move in every state.
 */
public record Move(int seq, General from, boolean delivered) {

    /** The explorer's label of this move, for example {@code deliver #1 A→B} or {@code lose #2 B→A}. */
    public String label() {
        return (delivered ? "deliver #" : "lose #") + seq + " " + from + "→" + from.other();
    }

    @Override
    public String toString() {
        return label();
    }
}
