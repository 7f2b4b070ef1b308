package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Ip;
import org.junit.jupiter.api.Test;

class FreeSpaceTest {

    @Test
    void rangesLeaveOutTakenAddressesAndBlocks() {
        FreeSpace space = new FreeSpace(Cidr.of("10.0.0.0/24")).takeOffset(0).takeOffset(-1)
                .take(Ip.of("10.0.0.1")).take(Ip.of("10.0.0.2")).take(Ip.of("10.0.0.10")).take(Cidr.of("10.0.0.192/27"));
        assertThat(space.ranges()).isEqualTo("10.0.0.3-10.0.0.9, 10.0.0.11-10.0.0.191, 10.0.0.224-10.0.0.254");
        assertThat(space.freeCount()).isEqualTo(256 - 2 - 3 - 32);
    }

    @Test
    void blocksAreTheFewestAlignedCidrs() {
        FreeSpace vcn = new FreeSpace(Cidr.of("10.1.0.0/16")).take(Cidr.of("10.1.0.0/24"));
        assertThat(vcn.blocks()).isEqualTo("10.1.1.0/24, 10.1.2.0/23, 10.1.4.0/22, 10.1.8.0/21, 10.1.16.0/20, 10.1.32.0/19, "
                + "10.1.64.0/18, 10.1.128.0/17");
        FreeSpace middle = new FreeSpace(Cidr.of("10.0.0.0/29")).take(Ip.of("10.0.0.3"));
        assertThat(middle.blocks()).isEqualTo("10.0.0.0/31, 10.0.0.2/32, 10.0.0.4/30");
    }

    @Test
    void takenSpaceOutsideTheBlockIsIgnoredAndOverlapsCountOnce() {
        FreeSpace space = new FreeSpace(Cidr.of("192.168.1.0/30")).take(Cidr.of("192.168.0.0/16")).take(Ip.of("10.0.0.1"));
        assertThat(space.freeCount()).isZero();
        assertThat(space.ranges()).isEmpty();
        FreeSpace twice = new FreeSpace(Cidr.of("192.168.1.0/28")).take(Ip.of("192.168.1.4")).take(Ip.of("192.168.1.4"))
                .take(Cidr.of("192.168.1.4/30"));
        assertThat(twice.freeCount()).isEqualTo(12);
    }

    @Test
    void fullIpv4SpaceStaysInRange() {
        FreeSpace all = new FreeSpace(Cidr.of("0.0.0.0/0")).take(Cidr.of("10.0.0.0/8"));
        assertThat(all.blocks()).startsWith("0.0.0.0/5, 8.0.0.0/7, 11.0.0.0/8").endsWith("128.0.0.0/1");
        assertThat(all.freeCount()).isEqualTo((1L << 32) - (1L << 24));
    }
}
