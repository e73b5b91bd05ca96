/**
 * {@code alphapulse example NAME}: the product's four worked examples (a distributed parameter
 * sweep, a hyper-parameter optimisation, a large Monte Carlo simulation and a multi-strategy
 * portfolio). Each builds a job file, runs it on the embedded cluster node exactly as {@code
 * alphapulse run} does, prints a readable summary and writes an HTML report.
 */
package dev.alphapulse.app.example;
