package dev.alphapulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.junit.jupiter.api.Test;

/** The request rewrite that keeps responses uncompressed unless configured otherwise. */
class GrpcServerTest {
  @Test
  void aRequestAcceptingGzipIsAnsweredAsOneAcceptingNoCompression() {
    HttpRequest request =
        HttpRequest.POST("/alphapulse.JobService/Watch")
            .addHeader(RawHeader.create("grpc-accept-encoding", "gzip"))
            .addHeader(RawHeader.create("grpc-encoding", "gzip"))
            .addHeader(RawHeader.create("te", "trailers"));
    HttpRequest plain = GrpcServer.uncompressed(request);
    assertThat(plain.getHeader("grpc-accept-encoding")).isEmpty();
    // a compressed request stays readable, and other headers stay
    assertThat(plain.getHeader("grpc-encoding")).isPresent();
    assertThat(plain.getHeader("te")).isPresent();
    HttpRequest none = HttpRequest.POST("/alphapulse.JobService/Get");
    assertThat(GrpcServer.uncompressed(none)).isSameAs(none);
  }
}
