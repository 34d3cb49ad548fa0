package dev.dbinternals.ch08.concurrency.replication;

/**
 * Read and write quorum sizes for N replicas.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): a read that asks R replicas is sure to
 * meet the latest completed write, which reached W replicas, only when every R-set intersects
 * every W-set: R + W > N. With R + W ≤ N a read may ask only replicas the write missed.
 * (Overlap alone does not make the store linearizable once a read can overlap a write in
 * progress, even with a single writer: a read must also write back what it returns before it
 * answers, as in ABD. The scenarios here run one operation at a time.)
 */
public record Quorums(int n, int r, int w) {

    public Quorums {
        if (n < 1 || r < 1 || w < 1 || r > n || w > n) {
            throw new IllegalArgumentException("need 1 <= R, W <= N, got N=" + n + " R=" + r + " W=" + w);
        }
    }

    /** True when every read quorum intersects every write quorum. */
    public boolean overlapping() {
        return r + w > n;
    }

    @Override
    public String toString() {
        return "N=" + n + " R=" + r + " W=" + w + (overlapping() ? " (R+W>N)" : " (R+W<=N)");
    }
}
