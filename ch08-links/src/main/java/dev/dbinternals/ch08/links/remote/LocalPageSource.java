package dev.dbinternals.ch08.links.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Pages straight out of a sorted map in this process: no serialisation, no round trip.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행): the baseline a remote
 * iterator is measured against. Thread-safe if the map is (a {@code ConcurrentSkipListMap}).
 */
public final class LocalPageSource implements PageSource {

    private final NavigableMap<String, String> data;

    public LocalPageSource(NavigableMap<String, String> data) {
        this.data = data;
    }

    @Override
    public Page pageAfterKey(String afterKey, int limit) {
        return take(data.tailMap(afterKey, false).entrySet().iterator(), limit);
    }

    @Override
    public Page pageAtOffset(int offset, int limit) {
        Iterator<Map.Entry<String, String>> it = data.entrySet().iterator();
        for (int i = 0; i < offset && it.hasNext(); i++) {
            it.next();
        }
        return take(it, limit);
    }

    private static Page take(Iterator<Map.Entry<String, String>> it, int limit) {
        List<Map.Entry<String, String>> out = new ArrayList<>(Math.min(limit, 1024));
        while (out.size() < limit && it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.add(Map.entry(e.getKey(), e.getValue()));
        }
        return new Page(out, it.hasNext());
    }
}
