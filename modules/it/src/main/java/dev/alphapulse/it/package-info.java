/**
 * Multi-process tests of the cluster runtime (the sources are under {@code src/test}): real {@code
 * alphapulse node} JVMs on loopback sharing a PostgreSQL journal, killed with SIGKILL in the middle
 * of a job, checked against {@code alphapulse run} on one embedded node; plus the job rules seen
 * through the command line (a chunk that always throws, bad job files). They run in {@code mvn
 * verify} and need PostgreSQL on 127.0.0.1:5432 (or the server of {@code $ALPHAPULSE_PG_URL}): a
 * missing server fails them.
 */
package dev.alphapulse.it;
