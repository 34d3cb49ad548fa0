/**
 * Message identifiers, which acknowledgements and deduplication rely on (Links → Message
 * acknowledgements, 메시지 확인 응답): random ids and how soon they collide, per-sender sequence
 * numbers, ids computed from the content ({@code MessageIds}).
 */
package dev.dbinternals.ch08.links.ids;
