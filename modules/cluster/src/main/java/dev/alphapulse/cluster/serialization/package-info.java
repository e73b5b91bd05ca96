/**
 * How messages and persisted facts become bytes. Remote messages ({@link
 * dev.alphapulse.cluster.serialization.KryoMessage}) go through a small Kryo serializer over a pool
 * of Kryo instances with registration required, an explicit registration list and typed actor refs
 * written as paths through {@code ActorRefResolver}; journal events and snapshots ({@link
 * dev.alphapulse.cluster.serialization.CborSerializable}) go through Pekko's Jackson CBOR
 * serializer with a module that teaches Jackson the job model's polymorphic types. Java
 * serialization is off.
 */
package dev.alphapulse.cluster.serialization;
