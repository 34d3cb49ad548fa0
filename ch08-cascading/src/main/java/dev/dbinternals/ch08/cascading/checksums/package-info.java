/**
 * Checksums (체크섬) and validation: {@code Replication} copies records between replicas over links
 * that flip bits, with and without a per-record CRC32C that each replica checks before it applies
 * a record.
 */
package dev.dbinternals.ch08.cascading.checksums;
