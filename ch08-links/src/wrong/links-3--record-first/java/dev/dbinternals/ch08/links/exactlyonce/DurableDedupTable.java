// Wrong solution for links-3: recording the request as processed before running the effect protects against doing it twice.
package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.util.function.Consumer;

/**
 * Exercise links-3, a wrong solution (see the first line): the "processed" record is written and synced first, the effect after it; a crash
 * between the two leaves a request recorded as done whose effect never happened.
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
        storage.put(PREFIX + requestId, new byte[] {1});
        storage.sync(); // never twice: the record is safe before the effect runs
        effect.accept(storage);
        storage.sync(); // effect and record: both or neither survive a crash
        return true;
    }

    public boolean alreadyProcessed(String requestId) {
        return storage.get(PREFIX + requestId).isPresent();
    }
}
