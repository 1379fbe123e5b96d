package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.localstack.MachineAccountsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/partners.md's JavaScript issuer, run as a partner runs it: {@code node issue-credential.mjs} from
 * {@code docs/partners/javascript} (its packages installed by {@code npm ci} from the lockfile in this module's build),
 * with exactly the settings the guide says where to find — the broker principal from {@code partner add}, the
 * institution admin who registers the key, the institution's REST account — against the embedded stack. It signs in
 * as {@code partner-uni.lodz.pl}, produces with Confluent's stock serializer (auto-registration and
 * {@code use.latest.version} off), and reads Rotterdam's decision through the issuer-service's scoped API.
 */
class PartnerGuideTest {

    private static final Path GUIDE = Path.of(System.getProperty("creditbridge.repo", "..")).resolve("docs/partners/javascript");
    private static final Pattern JAAS = Pattern.compile("username=\"([^\"]+)\"\\s+password=\"([^\"]+)\"");
    private static final long RUN_MINUTES = 3;

    @Test
    void aPartnerFollowingTheGuideInJavaScriptHasItsCredentialRecognisedAndReadsTheDecision(@TempDir Path work)
            throws IOException, InterruptedException {
        Map<String, Object> partner = EmbeddedStack.get().addPartner(Credentials.LODZ);
        Matcher principal = JAAS.matcher(String.valueOf(partner.get("sasl.jaas.config")));
        assertThat(principal.find()).as("the principal in partner add's settings").isTrue();
        String learner = Credentials.newRotterdamLearner();
        String system = MachineAccountsFile.systemOf(Credentials.LODZ);

        ProcessBuilder node = new ProcessBuilder("node", "issue-credential.mjs").directory(GUIDE.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile());
        node.environment().putAll(Map.ofEntries(
                Map.entry("PARTNER_SCHAC", Credentials.LODZ),
                Map.entry("KAFKA_BOOTSTRAP", String.valueOf(partner.get("bootstrap.servers"))),
                Map.entry("KAFKA_USERNAME", principal.group(1)),
                Map.entry("KAFKA_PASSWORD", principal.group(2)),
                Map.entry("SCHEMA_REGISTRY_URL", EmbeddedStack.get().schemaRegistryUrl()),
                Map.entry("REGISTRY_URL", EmbeddedStack.get().registry().url()),
                Map.entry("ISSUER_URL", EmbeddedStack.get().issuer().url()),
                Map.entry("ADMIN_USER", "admin@" + Credentials.LODZ),
                Map.entry("ADMIN_PASSWORD", "demo"),
                Map.entry("API_USER", system),
                Map.entry("API_SECRET", EmbeddedStack.get().machineAccounts().secretOf(system).orElseThrow()),
                Map.entry("LEARNER_ID", learner),
                Map.entry("KEY_FILE", work.resolve("partner-signing-key.jwk").toString())));
        Process run = node.start();
        boolean ended = run.waitFor(RUN_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String out = Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8);

        assertThat(ended).as("ended within " + RUN_MINUTES + " minutes:\n" + out).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        assertThat(out).contains("published on creditbridge.credentials as partner-" + Credentials.LODZ)
                .contains("decision by eur.nl: RECOGNISED, 6 ECTS recognised, signature VALID");
        assertThat(LearnerRecords.total(LearnerRecords.awaitTotal(learner, 6))).isEqualByComparingTo("6");
        assertThat(Files.getPosixFilePermissions(work.resolve("partner-signing-key.jwk")))
                .as("the private key is the partner's alone").hasSize(2);
    }
}
