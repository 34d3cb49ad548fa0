package dev.dbinternals.ch08.links.remote;

import java.util.List;
import java.util.Map;

/**
 * Where a {@link PagingIterator} gets its pages: a local sorted map or a remote server.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행). The interface is the
 * same for both, which is exactly the danger the book points at: behind the same call, one
 * implementation is a memory access and the other a network round trip that can be lost,
 * delayed, and see data that changed since the previous page.
 */
public interface PageSource {

    /** One page: up to {@code limit} entries, and whether more follow. */
    record Page(List<Map.Entry<String, String>> entries, boolean more) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** Entries with keys strictly after {@code afterKey} ({@code ""} for the first page), in key order. */
    Page pageAfterKey(String afterKey, int limit);

    /** Entries from position {@code offset} (0-based) in key order, the way SQL's {@code OFFSET} pages. */
    Page pageAtOffset(int offset, int limit);
}
