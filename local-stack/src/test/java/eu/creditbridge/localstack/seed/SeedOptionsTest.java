package eu.creditbridge.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedOptionsTest {

    @Test
    void withoutOptionsASemesterOfTenThousandForAThousandLearnersOfRotterdamFromLodz() {
        SeedOptions options = SeedOptions.parse(List.of());

        assertThat(options.credentials()).isEqualTo(10_000);
        assertThat(options.learners()).isEqualTo(1_000);
        assertThat(options.issuer()).isEqualTo("uni.lodz.pl");
        assertThat(options.host()).isEqualTo("eur.nl");
        assertThat(options.deadline()).isEqualTo(Duration.ofMinutes(2).plusSeconds(200));
    }

    @Test
    void everyOptionIsRead() {
        SeedOptions options = SeedOptions.parse(List.of("--credentials", "100_000", "--learners", "5,000", "--issuer", "ucc.ie",
                "--host", "uni.lodz.pl", "--timeout-minutes", "90"));

        assertThat(options).isEqualTo(new SeedOptions(100_000, 5_000, "ucc.ie", "uni.lodz.pl", Duration.ofMinutes(90)));
    }

    @Test
    void theDeadlineGrowsWithTheVolume() {
        assertThat(SeedOptions.parse(List.of("--credentials", "100000")).deadline()).isEqualTo(Duration.ofMinutes(35).plusSeconds(20));
    }

    @Test
    void whatIsNotUnderstoodIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--credentials", "ten"))).hasMessageContaining("--credentials needs a whole number, was 'ten'");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--credentials"))).hasMessageContaining("--credentials needs a value");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--learners", "--credentials", "5"))).hasMessageContaining("--learners needs a value");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--fast"))).hasMessageContaining("unknown arguments [--fast]").hasMessageContaining("usage: seed");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--credentials", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--credentials", "10", "--learners", "11"))).hasMessageContaining("--learners must be between 1 and");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--issuer", "eur.nl"))).hasMessageContaining("name two universities");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--timeout-minutes", "0"))).hasMessageContaining("--timeout-minutes must be positive");
    }
}
