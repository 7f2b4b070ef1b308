package dev.clusterspec.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalRangesTest {

    private static List<String> split(IpBlock... blocks) {
        return ExternalRanges.split(List.of(blocks)).stream().map(IpRange::toString).toList();
    }

    @Test
    void noBlocksLeaveTheWholeSpace() {
        assertThat(split()).containsExactly("0.0.0.0-255.255.255.255");
    }

    @Test
    void cidrAndExceptBoundariesCutTheSpace() {
        assertThat(split(IpBlock.of("0.0.0.0/0", List.of("10.0.0.0/8", "172.21.0.0/16"))))
                .containsExactly("0.0.0.0-9.255.255.255", "10.0.0.0-10.255.255.255", "11.0.0.0-172.20.255.255",
                        "172.21.0.0-172.21.255.255", "172.22.0.0-255.255.255.255");
    }

    @Test
    void adjacentExceptsThatBehaveAlikeAreNotCut() {
        assertThat(split(IpBlock.of("0.0.0.0/0", List.of("10.0.0.0/9", "10.128.0.0/9"))))
                .containsExactly("0.0.0.0-9.255.255.255", "10.0.0.0-10.255.255.255", "11.0.0.0-255.255.255.255");
    }

    @Test
    void hostBitsAreIgnoredAndSingleAddressesAreRanges() {
        assertThat(split(IpBlock.of("192.168.1.77/24", List.of()), IpBlock.of("8.8.8.8", List.of())))
                .containsExactly("0.0.0.0-8.8.8.7", "8.8.8.8-8.8.8.8", "8.8.8.9-192.168.0.255",
                        "192.168.1.0-192.168.1.255", "192.168.2.0-255.255.255.255");
    }

    @Test
    void ipv6BlocksHaveNoIpv4AddressesAndBadCidrsAreRejected() {
        assertThat(IpBlock.of("fd00::/8", List.of()).ranges()).isEmpty();
        assertThatThrownBy(() -> IpBlock.of("10.0.0.0/33", List.of()))
                .hasMessage("'10.0.0.0/33' is not a valid CIDR (prefix length must be 0-32)");
        assertThatThrownBy(() -> IpBlock.of("10.0.300.0/24", List.of()))
                .hasMessage("'10.0.300.0/24' is not a valid IPv4 CIDR");
    }
}
