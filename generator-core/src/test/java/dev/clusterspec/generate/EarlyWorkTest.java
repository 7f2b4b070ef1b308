package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Work started early behaves as if it had run in line. */
class EarlyWorkTest {

    @Test
    void itsResultIsThereWhereItIsNeeded() {
        EarlyWork<String> work = EarlyWork.start(() -> "bundle");
        assertThat(work.before(() -> work.get() + " used")).isEqualTo("bundle used");
    }

    @Test
    void itsFailureIsThrownAsItWasWhenAskedFor() {
        EarlyWork<String> work = EarlyWork.start(() -> {
            throw new IllegalStateException("unreadable bundle");
        });
        assertThatThrownBy(work::get).isInstanceOf(IllegalStateException.class).hasMessage("unreadable bundle");
    }

    @Test
    void itsFailureWinsOverAFailureOfWhatFollowedIt() {
        EarlyWork<Void> guard = EarlyWork.start(() -> {
            throw new IllegalArgumentException("a secret in the repo");
        });
        assertThatThrownBy(() -> guard.before(() -> {
            throw new IllegalStateException("an assertion failed");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("a secret in the repo");
    }

    @Test
    void aFailureOfWhatFollowedStandsWhenTheWorkSucceeded() {
        EarlyWork<String> work = EarlyWork.start(() -> "fine");
        assertThatThrownBy(() -> work.before(() -> {
            throw new IllegalStateException("an assertion failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("an assertion failed");
    }
}
