/**
 * Hotspots (핫스팟) and coordination: {@code KeySampler} draws skewed (Zipf) keys, {@code LoadPlanner}
 * places keys by hash (each node alone) or by a coordinator's plan from capacity and past load.
 */
package dev.dbinternals.ch08.cascading.hotspots;
