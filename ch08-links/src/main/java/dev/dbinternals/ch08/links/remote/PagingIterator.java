package dev.dbinternals.ch08.links.remote;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An ordinary {@link Iterator} over a dataset fetched page by page from a {@link PageSource}.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행). Hiding a remote dataset
 * behind {@code Iterator} makes it look local, and it is not: every {@code pageSize} elements
 * cost a round trip and a serialisation, a page request can be lost (the source retries), and
 * the data can change between pages, so the iteration is not a snapshot. Two cursors show the
 * difference: {@link Cursor#KEY} (continue after the last key seen) never returns an element
 * twice but misses entries inserted behind it; {@link Cursor#OFFSET} (skip N) returns an element
 * twice or skips one when entries are inserted or deleted before the cursor.
 *
 * <p>Not thread-safe.
 */
public final class PagingIterator implements Iterator<Map.Entry<String, String>> {

    /** How the next page is asked for. */
    public enum Cursor {
        KEY, OFFSET
    }

    private final PageSource source;
    private final int pageSize;
    private final Cursor cursor;
    private List<Map.Entry<String, String>> page = List.of();
    private int index;
    private boolean more = true;
    private String lastKey = "";
    private int offset;

    public PagingIterator(PageSource source, int pageSize, Cursor cursor) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        this.source = source;
        this.pageSize = pageSize;
        this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (!more) {
            return false;
        }
        PageSource.Page p = cursor == Cursor.KEY ? source.pageAfterKey(lastKey, pageSize) : source.pageAtOffset(offset, pageSize);
        page = p.entries();
        index = 0;
        more = p.more();
        return !page.isEmpty();
    }

    @Override
    public Map.Entry<String, String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map.Entry<String, String> e = page.get(index++);
        lastKey = e.getKey();
        offset++;
        return e;
    }

}
