package dev.alphapulse.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.NodeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeOptionsTest {

  @Test
  void main_arguments_become_options() {
    NodeOptions o =
        NodeMain.parse(
            new String[] {
              "--port",
              "2552",
              "--seeds",
              "127.0.0.1:2551, 127.0.0.1:2552",
              "--management-port",
              "8558",
              "--journal",
              "jdbc:postgresql://db:5432/ap",
              "--slots",
              "3",
              "--data-dir",
              "/tmp/x",
              "--roles",
              "worker,api"
            });
    assertThat(o.port()).isEqualTo(2552);
    assertThat(o.seeds()).containsExactly("127.0.0.1:2551", "127.0.0.1:2552");
    assertThat(o.managementPort()).isEqualTo(8558);
    assertThat(o.slots()).isEqualTo(3);
    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(o.roles()).containsExactlyInAnyOrder("worker", "api");
    assertThatThrownBy(() -> NodeMain.parse(new String[] {"--slots", "0"}))
        .hasMessageStartingWith("--slots:");
    assertThatThrownBy(() -> NodeMain.parse(new String[] {"--seeds", "nohost"}))
        .hasMessageContaining("seeds[0]");
    assertThatThrownBy(() -> NodeMain.parse(new String[] {"--frobnicate", "1"}))
        .hasMessageStartingWith("--frobnicate:");
  }

  @Test
  void journal_urls_pick_profile_driver_and_user() {
    JournalSettings pg =
        JournalSettings.fromUrl("jdbc:postgresql://h:5432/ap?user=alice&password=s3cret");
    assertThat(pg.kind().profile()).isEqualTo("slick.jdbc.PostgresProfile$");
    assertThat(pg.kind().driver()).isEqualTo("org.postgresql.Driver");
    assertThat(pg.user()).isEqualTo("alice");
    assertThat(pg.password()).isEqualTo("s3cret");
    assertThat(pg.redactedUrl()).doesNotContain("s3cret");
    assertThat(JournalSettings.fromUrl("jdbc:postgresql://h/ap").user()).isEqualTo("postgres");
    JournalSettings h2 = JournalSettings.h2File(Path.of("data"));
    assertThat(h2.kind()).isEqualTo(JournalSettings.Kind.H2);
    assertThat(h2.url()).startsWith("jdbc:h2:file:/").contains("/data/journal");
    assertThatThrownBy(() -> JournalSettings.fromUrl("jdbc:mysql://x/y"))
        .hasMessageStartingWith("journal:");
    assertThat(JournalSchema.statements(JournalSettings.Kind.POSTGRES))
        .allMatch(s -> s.contains("IF NOT EXISTS"))
        .noneMatch(s -> s.contains("CONCURRENTLY"));
  }

  @Test
  void node_config_applies_options_over_the_defaults() {
    NodeOptions o =
        NodeOptions.defaults()
            .withPort(2551)
            .withSeeds(List.of("10.0.0.1:2551"))
            .withRoles(Set.of("worker"))
            .withManagementPort(8558)
            .withDiscoveryMethod("kubernetes-api");
    var c =
        NodeConfig.build(
            o, JournalSettings.fromUrl("jdbc:postgresql://db/ap"), ConfigFactory.empty());
    assertThat(c.getString("pekko.actor.provider")).isEqualTo("cluster");
    assertThat(c.getInt("pekko.remote.artery.canonical.port")).isEqualTo(2551);
    assertThat(c.getStringList("pekko.cluster.seed-nodes"))
        .containsExactly("pekko://alphapulse@10.0.0.1:2551");
    assertThat(c.getString("pekko.cluster.downing-provider-class")).contains("SplitBrainResolver");
    assertThat(c.getString("pekko.cluster.split-brain-resolver.active-strategy"))
        .isEqualTo("keep-majority");
    assertThat(c.getBoolean("pekko.actor.allow-java-serialization")).isFalse();
    assertThat(c.getBoolean("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook")).isTrue();
    assertThat(c.getBoolean("pekko.cluster.sharding.remember-entities")).isTrue();
    assertThat(c.getString("pekko-persistence-jdbc.shared-databases.slick.profile"))
        .isEqualTo("slick.jdbc.PostgresProfile$");
    assertThat(
            c.getString(
                "pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"))
        .isEqualTo("kubernetes-api");
    var embedded =
        NodeConfig.build(
            NodeOptions.embedded(), JournalSettings.h2File(Path.of("x")), ConfigFactory.empty());
    assertThat(embedded.getBoolean("pekko.cluster.sharding.remember-entities")).isFalse();
    assertThatThrownBy(() -> NodeOptions.embedded().withSeeds(List.of("h:1")))
        .hasMessageStartingWith("seeds:");
    assertThatThrownBy(() -> NodeOptions.defaults().withDiscoveryMethod("kubernetes-api"))
        .hasMessageStartingWith("managementPort:");
  }
}
