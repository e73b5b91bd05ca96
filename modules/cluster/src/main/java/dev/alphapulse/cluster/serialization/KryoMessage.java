package dev.alphapulse.cluster.serialization;

/**
 * Marker for messages that cross the network: bound to {@link KryoSerializer} in {@code
 * reference.conf}. Every implementing class, and every class reachable from its fields, must be
 * listed in {@link KryoRegistrations}; the serializer refuses anything else.
 */
public interface KryoMessage {}
