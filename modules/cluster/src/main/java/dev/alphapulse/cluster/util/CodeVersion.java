package dev.alphapulse.cluster.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of the code that computes results: SHA-256 over the jars (or class directories) the
 * given classes were loaded from. Unlike a version string it changes with every rebuild of changed
 * code, so cached results of a snapshot build are never reused by different code.
 */
public final class CodeVersion {
  private CodeVersion() {}

  /** The hex fingerprint of the code sources of {@code classes} (in the order given). */
  public static String of(Class<?>... classes) {
    MessageDigest md = sha256();
    for (Class<?> c : classes) {
      md.update(c.getName().getBytes(StandardCharsets.UTF_8));
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        md.update((byte) 0);
        continue;
      }
      try {
        Path p = Path.of(cs.getLocation().toURI());
        if (Files.isDirectory(p)) {
          List<Path> files;
          try (Stream<Path> s = Files.walk(p)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
          }
          for (Path f : files) {
            md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            digest(md, f);
          }
        } else if (Files.isRegularFile(p)) {
          digest(md, p);
        }
      } catch (IOException | URISyntaxException | IllegalArgumentException e) {
        md.update(String.valueOf(cs.getLocation()).getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 32);
  }

  private static void digest(MessageDigest md, Path f) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM must provide SHA-256", e);
    }
  }
}
