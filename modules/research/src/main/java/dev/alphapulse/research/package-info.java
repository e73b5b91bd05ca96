/**
 * Pure research algorithms behind the research job types (optimize, walk-forward, monte-carlo,
 * batch, portfolio). Nothing here knows about actors, files or clocks; every random choice comes
 * from a seed.
 */
package dev.alphapulse.research;
