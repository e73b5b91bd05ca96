/**
 * Data on a node: resolving dataset references (synthetic or CSV, content-hash checked, cached) and
 * partitioning a dataset by time, symbol or size.
 */
package dev.alphapulse.cluster.data;
