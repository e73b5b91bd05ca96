package dev.alphapulse.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

/**
 * Writes a typed {@link ActorRef} as its serialization path (which carries the node's address) and
 * resolves it on the receiving node, as Pekko's own serializers do.
 */
final class TypedActorRefSerializer extends Serializer<ActorRef<?>> {
  private final Supplier<ActorRefResolver> resolver;

  TypedActorRefSerializer(Supplier<ActorRefResolver> resolver) {
    this.resolver = resolver;
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, ActorRef<?> ref) {
    output.writeString(resolver.get().toSerializationFormat(ref));
  }

  @Override
  public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
    return resolver.get().resolveActorRef(input.readString());
  }
}
