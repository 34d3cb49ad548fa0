// Wrong solution for links-3: syncing the effect first and the record after it is as good as one sync for both.
package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.util.function.Consumer;

/**
 * Exercise links-3, a wrong solution (see the first line): the effect is synced first, the "processed" record in a second sync; a crash
 * between the two leaves an effect without its record, so the retry runs it again.
 */
public final class DurableDedupTable {

    private static final String PREFIX = "processed/";

    private final DurableStorage storage;

    public DurableDedupTable(DurableStorage storage) {
        this.storage = storage;
    }

    public boolean applyOnce(String requestId, Consumer<DurableStorage> effect) {
        if (alreadyProcessed(requestId)) {
            return false;
        }
        effect.accept(storage);
        storage.sync(); // the effect is safe now
        storage.put(PREFIX + requestId, new byte[] {1});
        storage.sync(); // effect and record: both or neither survive a crash
        return true;
    }

    public boolean alreadyProcessed(String requestId) {
        return storage.get(PREFIX + requestId).isPresent();
    }
}
