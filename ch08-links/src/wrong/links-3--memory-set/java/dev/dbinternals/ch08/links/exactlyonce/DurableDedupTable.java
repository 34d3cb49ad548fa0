// Wrong solution for links-3: the processed ids can live in memory; only the effect needs to be durable.
package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

public final class DurableDedupTable {

    private final DurableStorage storage;
    private final Set<String> processed = new HashSet<>();

    public DurableDedupTable(DurableStorage storage) {
        this.storage = storage;
    }

    public boolean applyOnce(String requestId, Consumer<DurableStorage> effect) {
        if (!processed.add(requestId)) {
            return false;
        }
        effect.accept(storage);
        storage.sync();
        return true;
    }

    public boolean alreadyProcessed(String requestId) {
        return processed.contains(requestId);
    }
}
