package dev.alphapulse.cluster.serialization;

/**
 * Marker for what is persisted (journal events and snapshots): bound to Pekko's {@code
 * jackson-cbor} serializer in {@code reference.conf}, so stored facts stay readable and can evolve
 * (new fields with defaults, renamed types through Jackson annotations) without the registration
 * order that Kryo depends on.
 */
public interface CborSerializable {}
