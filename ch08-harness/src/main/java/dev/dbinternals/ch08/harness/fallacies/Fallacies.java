package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The eight fallacies of distributed computing, in the usual order, each a {@link Fallacy}
 * scenario.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류). The list is the
 * commonly cited one (Deutsch and colleagues at Sun, the eighth by Gosling); the book's section
 * discusses some of them, latency and bandwidth explicitly. Stateless and thread-safe.
 */
public final class Fallacies {

    private static final List<Fallacy> ALL = List.of(
            new F1NetworkIsReliable(),
            new F2LatencyIsZero(),
            new F3BandwidthIsInfinite(),
            new F4NetworkIsSecure(),
            new F5TopologyDoesNotChange(),
            new F6ThereIsOneAdministrator(),
            new F7TransportCostIsZero(),
            new F8NetworkIsHomogeneous());

    private Fallacies() {
    }

    /** All eight, numbered 1..8 in this order. */
    public static List<Fallacy> all() {
        return ALL;
    }

    /** Fallacy number {@code n}; anything but 1..8 is an error that lists the valid values. */
    public static Fallacy number(int n) {
        if (n < 1 || n > ALL.size()) {
            throw new IllegalArgumentException(t("there is no fallacy " + n + "; " + validValues(), n + "번 오류는 없습니다; " + validValues()));
        }
        return ALL.get(n - 1);
    }

    /** "valid values: 1 (The network is reliable), 2 (...), ..." for error messages. */
    public static String validValues() {
        return t("valid values: ", "허용되는 값: ") + ALL.stream().map(f -> f.number() + " (" + f.fallacy() + ")")
                .collect(Collectors.joining(", "));
    }
}
