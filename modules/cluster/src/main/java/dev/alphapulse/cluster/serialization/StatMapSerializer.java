package dev.alphapulse.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.alphapulse.engine.metrics.StatMap;

/**
 * Writes a {@link StatMap} as its size, its names and its values as raw doubles (bit for bit, NaN
 * and -0.0 included); reading it back shares the names with the maps already on the node.
 */
final class StatMapSerializer extends Serializer<StatMap> {
  StatMapSerializer() {
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, StatMap map) {
    int n = map.size();
    output.writeVarInt(n, true);
    for (int i = 0; i < n; i++) {
      output.writeString(map.name(i));
    }
    for (int i = 0; i < n; i++) {
      output.writeDouble(map.valueAt(i));
    }
  }

  @Override
  public StatMap read(Kryo kryo, Input input, Class<? extends StatMap> type) {
    int n = input.readVarInt(true);
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = input.readString();
    }
    return StatMap.of(names, input.readDoubles(n));
  }
}
