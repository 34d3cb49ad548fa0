package dev.dbinternals.ch08.harness;

import java.util.Objects;

/**
 * The name of a process in the system, as other processes address it.
 *
 * <p>Book: Chapter 8, "Distributed System Abstractions" (분산 시스템 추상화): processes exchange
 * messages over links and know one another only by address. In the simulation an address is
 * just a name; the UDP runtime maps each name to a host and port.
 *
 * <p>Immutable and thread-safe.
 */
public record Address(String name) implements Comparable<Address> {

    public Address {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("an address is 1..64 non-blank characters, got '" + name + "'");
        }
    }

    public static Address of(String name) {
        return new Address(name);
    }

    // Written out rather than generated: node code compares addresses on every message, and the
    // record's generated equals showed up as the top cost of the simulation's hot path.
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Address other && name.equals(other.name));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(Address other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
