package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeLimitsTest {

    @Test
    void maintenanceModeLimitAppliesBeforeTalos113() {
        assertThat(SizeLimits.smallMaintenanceLimit("v1.12.6")).isTrue();
        assertThat(SizeLimits.smallMaintenanceLimit("v1.11.0")).isTrue();
        assertThat(SizeLimits.smallMaintenanceLimit("v1.13.9")).isFalse();
        assertThat(SizeLimits.smallMaintenanceLimit("1.14.0")).isFalse();
        assertThat(SizeLimits.smallMaintenanceLimit("v2.0.0")).isFalse();
    }

    @Test
    void largestDocumentMeasuresEachDocumentInUtf8() {
        String yaml = "a: 1\n---\nb: \"ü\"\n--- # comment\nc: 123456789\n---\n";
        assertThat(SizeLimits.largestDocument(yaml)).isEqualTo("\nc: 123456789\n".length());
        assertThat(SizeLimits.largestDocument("x: ü\n")).isEqualTo(6);
        assertThat(SizeLimits.largestDocument("")).isZero();
        assertThat(SizeLimits.largestDocument("a: 1\r\n---\r\nbb: 22\r\n")).isEqualTo("\r\nbb: 22\r\n".length());
        assertThat(SizeLimits.largestDocument("a: 1\n----\nb: 2\n")).as("not a separator").isEqualTo(15);
    }

    @Test
    void humanSizesAreTheSameEverywhere() {
        assertThat(SizeLimits.human(812)).isEqualTo("812 B");
        assertThat(SizeLimits.human(14_540)).isEqualTo("14.2 KiB");
        assertThat(SizeLimits.human(32L * 1024 * 1024)).isEqualTo("32.0 MiB");
        assertThat(SizeLimits.share(1, 8)).isEqualTo("12.5%");
    }
}
