package io.watchline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void parsesTheThreeSchemesAndTheInterface() throws Exception {
    Endpoint u = Endpoint.parse("udp://239.1.2.3:4000?iface=lo");
    assertThat(u).isEqualTo(new Endpoint(Endpoint.Scheme.UDP, "239.1.2.3", 4000, "lo"));
    assertThat(u.multicast()).isTrue();
    assertThat(Endpoint.parse("tcp://127.0.0.1:8087").scheme()).isEqualTo(Endpoint.Scheme.TCP);
    assertThat(Endpoint.parse("tls://tak.example.org:8089").toString()).isEqualTo("tls://tak.example.org:8089");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> Endpoint.parse("http://h:1")).hasMessageContaining("udp, tcp or tls");
    assertThatThrownBy(() -> Endpoint.parse("udp://239.1.2.3")).hasMessageContaining("host and port");
    assertThatThrownBy(() -> Endpoint.parse("tcp://h:1?iface=eth0")).hasMessageContaining("multicast only");
    assertThatThrownBy(() -> Endpoint.parse("udp://h:1?ttl=3")).hasMessageContaining("unknown parameter 'ttl=3'");
  }
}
