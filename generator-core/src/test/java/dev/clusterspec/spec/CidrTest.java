package dev.clusterspec.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void addressesAndBlocksAreParsedAsTheSchemaWritesThem() {
        assertThat(Ip.of("10.0.1.250").toString()).isEqualTo("10.0.1.250");
        assertThat(Ip.of("255.255.255.255").value()).isEqualTo(0xFFFF_FFFFL);
        assertThat(Cidr.of("10.0.0.5/24").toString()).isEqualTo("10.0.0.5/24");
        assertThat(Cidr.of("10.0.0.5/24").network()).isEqualTo(Ip.of("10.0.0.0"));
        assertThat(Cidr.of("10.0.0.5/24").hasHostBits()).isTrue();
        assertThat(Cidr.of("10.0.0.0/24").hasHostBits()).isFalse();
        assertThat(Cidr.of("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(Cidr.of("10.96.0.0/12").addressAt(10)).isEqualTo(Ip.of("10.96.0.10"));
        assertThat(Ip.of("10.0.0.7").asHostCidr().toString()).isEqualTo("10.0.0.7/32");
        for (String bad : List.of("10.0.0", "10.0.0.256", "10.0.0.01", "10.0.0.1.2", " 10.0.0.1", "a.b.c.d", "10..0.1", "")) {
            assertThatThrownBy(() -> Ip.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("10.0.0.0", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/2x", "10.0.0.0/24/1")) {
            assertThatThrownBy(() -> Cidr.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void containmentAndOverlap() {
        Cidr ten = Cidr.of("10.0.0.0/8");
        assertThat(ten.contains(Ip.of("10.255.0.1"))).isTrue();
        assertThat(ten.contains(Ip.of("11.0.0.0"))).isFalse();
        assertThat(ten.contains(Cidr.of("10.1.0.0/16"))).isTrue();
        assertThat(Cidr.of("10.1.0.0/16").contains(ten)).isFalse();
        assertThat(Cidr.of("10.1.0.0/16").overlaps(ten)).isTrue();
        assertThat(Cidr.of("10.1.0.0/16").overlaps(Cidr.of("10.2.0.0/16"))).isFalse();
        assertThat(Cidr.of("0.0.0.0/0").contains(Ip.of("255.255.255.255"))).isTrue();
    }

    @Test
    void smallerBlocksSortFirstThenByAddress() {
        TreeSet<Cidr> sorted = new TreeSet<>();
        for (String c : List.of("10.0.0.0/8", "10.0.0.0/24", "10.0.1.0/24", "9.0.0.0/8", "0.0.0.0/0", "10.0.0.5/32", "10.0.0.4/31")) {
            sorted.add(Cidr.of(c));
        }
        assertThat(sorted).extracting(Cidr::toString)
                .containsExactly("10.0.0.5/32", "10.0.0.4/31", "10.0.0.0/24", "10.0.1.0/24", "9.0.0.0/8", "10.0.0.0/8", "0.0.0.0/0");
    }

    @Test
    void mergeCoversExactlyTheSameAddressesWithTheFewestBlocks() {
        assertThat(Cidr.merge(List.of(Cidr.of("10.0.0.1/32"), Cidr.of("10.0.0.2/31"), Cidr.of("10.0.0.0/30"), Cidr.of("10.0.0.8/32"))))
                .extracting(Cidr::toString).containsExactly("10.0.0.0/30", "10.0.0.8/32");
        assertThat(Cidr.merge(List.of(Cidr.of("10.0.0.12/32"), Cidr.of("10.0.0.13/32")))).extracting(Cidr::toString)
                .containsExactly("10.0.0.12/31");
        assertThat(Cidr.merge(List.of(Cidr.of("0.0.0.0/1"), Cidr.of("128.0.0.0/1")))).extracting(Cidr::toString)
                .containsExactly("0.0.0.0/0");
        assertThat(Cidr.merge(List.of())).isEmpty();

        // random sets of hosts in a small range: the merged blocks hold exactly those hosts, and no
        // two of them could be one block
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Cidr> hosts = new ArrayList<>();
            boolean[] in = new boolean[64];
            for (int i = 0; i < 20; i++) {
                int host = random.nextInt(64);
                in[host] = true;
                hosts.add(Ip.of("10.0.0." + host).asHostCidr());
            }
            List<Cidr> merged = Cidr.merge(hosts);
            for (int host = 0; host < 64; host++) {
                Ip ip = Ip.of("10.0.0." + host);
                assertThat(merged.stream().filter(b -> b.contains(ip)).count()).as(ip.toString()).isEqualTo(in[host] ? 1 : 0);
            }
            for (int i = 1; i < merged.size(); i++) {
                Cidr a = merged.get(i - 1);
                Cidr b = merged.get(i);
                assertThat(a.network().value()).isLessThan(b.network().value());
                boolean siblings = a.prefixLength() == b.prefixLength() && a.network().value() + a.size() == b.network().value()
                        && a.network().value() % (2 * a.size()) == 0;
                assertThat(siblings).as(a + " and " + b + " are one block").isFalse();
            }
        }
    }
}
