package eu.creditbridge.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The callers of the web tests: the kit's demo people (password "demo") and machine accounts with secrets of their
 * own, written into a machine accounts file the way the launcher writes it into the state folder.
 */
public final class TestAccounts {

    public static final String DEMO_PASSWORD = "demo";
    public static final String LODZ_OFFICER = "officer@uni.lodz.pl";
    public static final String LODZ_SYSTEM = "sis@uni.lodz.pl";
    public static final String ROTTERDAM_SYSTEM = "sis@eur.nl";
    public static final String ISSUER_SERVICE = "issuer-service";
    /** The University of Warsaw's system: the issuer of the public ELMO and EWP samples, which no demo person acts for. */
    public static final String WARSAW_SYSTEM = "sis@uw.edu.pl";

    /** Machine accounts and their secrets: long and random on a real stack, fixed here so a failure can be replayed. */
    public static final Map<String, String> MACHINE_SECRETS = Map.of(
            LODZ_SYSTEM, "lodz-sis-secret-0123456789abcdef0123456789abcdef",
            ROTTERDAM_SYSTEM, "rotterdam-sis-secret-0123456789abcdef0123456789ab",
            ISSUER_SERVICE, "issuer-service-secret-0123456789abcdef0123456789",
            WARSAW_SYSTEM, "warsaw-sis-secret-0123456789abcdef0123456789abcd");

    private static Path file;

    private TestAccounts() {
    }

    /** For {@code creditbridge.security.machine-accounts-file}. */
    public static synchronized String machineAccountsFile() {
        if (file == null) {
            try {
                file = Files.createTempFile("creditbridge-machine-accounts", ".json");
                file.toFile().deleteOnExit();
                Files.writeString(file, """
                        {"accounts": [
                          {"username": "%s", "role": "INSTITUTION_SYSTEM", "institution": "uni.lodz.pl", "secret": "%s"},
                          {"username": "%s", "role": "INSTITUTION_SYSTEM", "institution": "eur.nl", "secret": "%s"},
                          {"username": "%s", "role": "SERVICE", "secret": "%s"},
                          {"username": "%s", "role": "INSTITUTION_SYSTEM", "institution": "uw.edu.pl", "secret": "%s"}
                        ]}
                        """.formatted(LODZ_SYSTEM, MACHINE_SECRETS.get(LODZ_SYSTEM), ROTTERDAM_SYSTEM,
                        MACHINE_SECRETS.get(ROTTERDAM_SYSTEM), ISSUER_SERVICE, MACHINE_SECRETS.get(ISSUER_SERVICE),
                        WARSAW_SYSTEM, MACHINE_SECRETS.get(WARSAW_SYSTEM)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file.toString();
    }

    /** HTTP Basic as that account: a demo person with "demo", a machine account with its secret. */
    public static RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.httpBasic(username, MACHINE_SECRETS.getOrDefault(username, DEMO_PASSWORD));
    }
}
