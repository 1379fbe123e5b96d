package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineAccountsFileTest {

    @TempDir
    Path state;

    @TempDir
    Path repo;

    private void seed(String... schacs) throws Exception {
        Path seed = repo.resolve(MachineAccountsFile.DEMO_SEED);
        Files.createDirectories(seed.getParent());
        StringBuilder institutions = new StringBuilder();
        for (String schac : schacs) {
            institutions.append(institutions.isEmpty() ? "" : ",").append("{\"schacCode\":\"").append(schac).append("\"}");
        }
        Files.writeString(seed, "{\"institutions\":[" + institutions + "]}");
    }

    @Test
    void firstStartGeneratesLongRandomSecretsReadableByTheOwnerOnly() throws Exception {
        seed("uni.lodz.pl", "eur.nl");
        MachineAccountsFile accounts = MachineAccountsFile.ensure(new StateLayout(state), repo);

        assertThat(accounts.secretOf("issuer-service")).hasValueSatisfying(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(43));
        assertThat(accounts.secretOf("sis@uni.lodz.pl")).isPresent().isNotEqualTo(accounts.secretOf("sis@eur.nl"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(accounts.file()))).isEqualTo("rw-------");
        assertThat(accounts.file()).startsWith(state);
        assertThatThrownBy(() -> accounts.basic("sis@nowhere.example")).hasMessageContaining("no machine account");
    }

    @Test
    void aLaterStartKeepsEverySecretAndAddsNewInstitutions() throws Exception {
        seed("uni.lodz.pl");
        MachineAccountsFile first = MachineAccountsFile.ensure(new StateLayout(state), repo);
        seed("uni.lodz.pl", "uzh.ch");
        MachineAccountsFile second = MachineAccountsFile.ensure(new StateLayout(state), repo);

        assertThat(second.secretOf("sis@uni.lodz.pl")).isEqualTo(first.secretOf("sis@uni.lodz.pl"));
        assertThat(second.secretOf("issuer-service")).isEqualTo(first.secretOf("issuer-service"));
        assertThat(second.secretOf("sis@uzh.ch")).isPresent();
    }
}
