package dev.alphapulse.cluster.serialization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.alphapulse.jobs.DataSpec;

/**
 * Teaches Jackson the job model's polymorphic types without annotating the pure model: {@link
 * DataSpec} is written with a {@code kind} property ({@code synthetic} or {@code files}). Listed in
 * {@code pekko.serialization.jackson.jackson-modules}, so persisted events and snapshots use it.
 */
public final class AlphaPulseJacksonModule extends SimpleModule {

  public AlphaPulseJacksonModule() {
    super("alphapulse");
    setMixInAnnotation(DataSpec.class, DataSpecMixIn.class);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = DataSpec.Synthetic.class, name = "synthetic"),
    @JsonSubTypes.Type(value = DataSpec.Files.class, name = "files")
  })
  private interface DataSpecMixIn {}
}
