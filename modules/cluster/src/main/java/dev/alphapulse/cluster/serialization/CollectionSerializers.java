package dev.alphapulse.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kryo serializers for the JDK's read-only collections ({@code List.of}, {@code Map.copyOf}, {@code
 * Collections.unmodifiable*}, {@code emptyList}, ...), which have no public constructor and whose
 * fields Kryo could only reach with {@code --add-opens}. They are written as their elements and
 * read back as unmodifiable views over insertion-ordered copies: equal, iteration order kept,
 * read-only, though not necessarily of the same class.
 */
final class CollectionSerializers {
  private CollectionSerializers() {}

  /** Any read-only list. */
  static final class ReadOnlyList extends Serializer<List<?>> {
    ReadOnlyList() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
      writeElements(kryo, output, list);
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
      int size = input.readVarInt(true);
      List<Object> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableList(out);
    }
  }

  /** Any read-only set. */
  static final class ReadOnlySet extends Serializer<Set<?>> {
    ReadOnlySet() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Set<?> set) {
      writeElements(kryo, output, set);
    }

    @Override
    public Set<?> read(Kryo kryo, Input input, Class<? extends Set<?>> type) {
      int size = input.readVarInt(true);
      Set<Object> out = new LinkedHashSet<>(size * 2);
      for (int i = 0; i < size; i++) {
        out.add(kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableSet(out);
    }
  }

  /** Any read-only map. */
  static final class ReadOnlyMap extends Serializer<Map<?, ?>> {
    ReadOnlyMap() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Map<?, ?> map) {
      output.writeVarInt(map.size(), true);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        kryo.writeClassAndObject(output, e.getKey());
        kryo.writeClassAndObject(output, e.getValue());
      }
    }

    @Override
    public Map<?, ?> read(Kryo kryo, Input input, Class<? extends Map<?, ?>> type) {
      int size = input.readVarInt(true);
      Map<Object, Object> out = new LinkedHashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        Object k = kryo.readClassAndObject(input);
        out.put(k, kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableMap(out);
    }
  }

  private static void writeElements(Kryo kryo, Output output, Collection<?> elements) {
    output.writeVarInt(elements.size(), true);
    for (Object e : elements) {
      kryo.writeClassAndObject(output, e);
    }
  }
}
