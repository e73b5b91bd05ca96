package dev.alphapulse.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * Pekko serializer for {@link KryoMessage}s over plain Kryo.
 *
 * <h2>Design</h2>
 *
 * Kryo instances are not thread-safe and costly to build, so they live in a {@link Pool} (soft
 * references, so an idle pool can be collected). Each instance is configured by {@link
 * KryoRegistrations#configure} with registration required and an explicit list of classes with
 * fixed ids: the bytes carry a small class id, not a class name, and bytes naming an unregistered
 * class are refused ({@link KryoException}) rather than instantiated. Because ids are positional,
 * every node of a cluster must run the same registration list (the same build).
 *
 * <p>Typed actor refs are written as their serialization path and resolved on the receiving node
 * through {@link ActorRefResolver}; the resolver is looked up lazily, on first use, because
 * serializers are created while the actor system itself is still starting.
 *
 * <p>Thread-safe.
 */
public final class KryoSerializer extends JSerializer {

  /** Pekko serializer id; must be unique among the system's serializers (Pekko's own are < 100). */
  public static final int IDENTIFIER = 734_101;

  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;
  private final Pool<Kryo> kryos =
      new Pool<>(true, true, 64) {
        @Override
        protected Kryo create() {
          return KryoRegistrations.configure(new Kryo(), KryoSerializer.this::resolver);
        }
      };

  /** Called reflectively by Pekko's serialization extension. */
  public KryoSerializer(ExtendedActorSystem system) {
    this.system = system;
  }

  private ActorRefResolver resolver() {
    ActorRefResolver r = resolver;
    if (r == null) {
      r = ActorRefResolver.get(Adapter.toTyped(system));
      resolver = r;
    }
    return r;
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object o) {
    Kryo kryo = kryos.obtain();
    try {
      Output out = new Output(1024, -1);
      kryo.writeClassAndObject(out, o);
      return out.toBytes();
    } finally {
      kryos.free(kryo);
    }
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    Kryo kryo = kryos.obtain();
    try {
      return kryo.readClassAndObject(new Input(bytes));
    } finally {
      kryos.free(kryo);
    }
  }
}
