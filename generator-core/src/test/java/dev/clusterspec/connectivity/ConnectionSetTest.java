package dev.clusterspec.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionSetTest {

    @Test
    void portSetsMergeOverlappingAndAdjacentRanges() {
        PortSet set = PortSet.range(80, 90).union(PortSet.of(91)).union(PortSet.range(85, 100)).union(PortSet.of(443));
        assertThat(set).hasToString("80-100,443");
        assertThat(set.contains(100)).isTrue();
        assertThat(set.contains(101)).isFalse();
    }

    @Test
    void portSetIntersectionKeepsOnlyCommonPorts() {
        PortSet a = PortSet.range(1, 100).union(PortSet.range(200, 300));
        PortSet b = PortSet.range(50, 250);
        assertThat(a.intersect(b)).hasToString("50-100,200-250");
        assertThat(PortSet.of(5).intersect(PortSet.of(6)).isEmpty()).isTrue();
        assertThat(PortSet.range(1, 65535)).isSameAs(PortSet.ALL);
    }

    @Test
    void connectionSetsPrintGroupsInProtocolNameOrder() {
        ConnectionSet c = ConnectionSet.of(Protocol.UDP, PortSet.of(9090))
                .union(ConnectionSet.of(Protocol.TCP, PortSet.range(8080, 8081)))
                .union(ConnectionSet.of(Protocol.SCTP, PortSet.of(7070)));
        assertThat(c).hasToString("SCTP 7070,TCP 8080-8081,UDP 9090");
        assertThat(ConnectionSet.allOf(Protocol.TCP)).hasToString("TCP 1-65535");
    }

    @Test
    void theFullSetIsAllConnectionsAndTheEmptySetIsNone() {
        ConnectionSet all = ConnectionSet.allOf(Protocol.TCP).union(ConnectionSet.allOf(Protocol.UDP))
                .union(ConnectionSet.allOf(Protocol.SCTP));
        assertThat(all).isSameAs(ConnectionSet.ALL).hasToString("All Connections");
        assertThat(all.intersect(ConnectionSet.of(Protocol.TCP, PortSet.of(53)))).hasToString("TCP 53");
        assertThat(ConnectionSet.of(Protocol.TCP, PortSet.of(53)).intersect(ConnectionSet.of(Protocol.UDP, PortSet.of(53))))
                .isSameAs(ConnectionSet.NONE);
    }
}
