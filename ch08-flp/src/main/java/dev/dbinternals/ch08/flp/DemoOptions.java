package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.demo.DemoArgs;

/** Reads a demo's numeric option, or prints the error and the usage and exits with status 2 (no stack trace). */
final class DemoOptions {

    private DemoOptions() {
    }

    static int intOption(DemoArgs a, String demo, String name, int min, int max) {
        try {
            return (int) a.getLong(name, min, max);
        } catch (IllegalArgumentException e) {
            System.err.println(demo + ": " + e.getMessage());
            System.err.println(a.usage());
            System.exit(2);
            return min;
        }
    }
}
