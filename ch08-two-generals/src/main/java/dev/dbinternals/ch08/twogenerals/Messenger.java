package dev.dbinternals.ch08.twogenerals;

/**
 * A messenger crossing the valley: the {@code seq}-th message sent in the run (from 1), who sent
 * it, to whom, and what it says. Any messenger may be captured (the message is lost), and the
 * sender never learns of it: the link between the generals is a fair-loss link at best.
 */
public record Messenger(int seq, General from, General to, String text) {

    @Override
    public String toString() {
        return "#" + seq + " " + from + "→" + to + " \"" + text + "\"";
    }
}
