/**
 * Local and Remote Execution (로컬 실행과 원격 실행): one ordinary iterator,
 * {@code PagingIterator}, over a {@code PageSource} that is a local map ({@code LocalPageSource}) or
 * a remote dataset paged through the perfect link ({@code LinkPageSource} over UDP,
 * {@code PagingOverLink} in the simulator; {@code RemotePageSource} with bare datagrams, for
 * comparison); and {@code ReplicaMerge}: paging through several replicas and merging the pages,
 * reconciling each key by its version.
 */
package dev.dbinternals.ch08.links.remote;
