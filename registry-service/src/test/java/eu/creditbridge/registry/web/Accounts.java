package eu.creditbridge.registry.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who signs in in the web tests, as the running service knows them: the kit's demo people (password "demo") and
 * machine accounts from a machine-accounts file like the one the launcher writes into the state folder.
 */
public final class Accounts {

    static final String ISSUER_SERVICE = "issuer-service";
    static final String LODZ_SYSTEM = "sis@uni.lodz.pl";
    static final String ROTTERDAM_SYSTEM = "sis@eur.nl";

    private static final Map<String, String> MACHINE_SECRETS = Map.of(
            ISSUER_SERVICE, "issuer-service-test-secret-0123456789abcdef0123456789abcdef",
            LODZ_SYSTEM, "lodz-sis-test-secret-0123456789abcdef0123456789abcdef",
            ROTTERDAM_SYSTEM, "eur-sis-test-secret-0123456789abcdef0123456789abcdef");

    private static final Path FILE = write();

    private Accounts() {
    }

    /** The machine-accounts file every Spring test context reads ({@link eu.creditbridge.registry.RegistrySpringTest}). */
    public static String machineAccountsFile() {
        return FILE.toString();
    }

    /** HTTP Basic as this demo person or machine account. */
    static RequestPostProcessor as(String username) {
        return httpBasic(username, MACHINE_SECRETS.getOrDefault(username, "demo"));
    }

    /** No credentials at all: the request goes out as it is. */
    static RequestPostProcessor anonymous() {
        return request -> request;
    }

    private static Path write() {
        try {
            Path file = Files.createTempFile("registry-machine-accounts", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    {"accounts": [
                      {"username": "%s", "role": "SERVICE", "secret": "%s"},
                      {"username": "%s", "role": "INSTITUTION_SYSTEM", "institution": "uni.lodz.pl", "secret": "%s"},
                      {"username": "%s", "role": "INSTITUTION_SYSTEM", "institution": "eur.nl", "secret": "%s"}]}
                    """.formatted(ISSUER_SERVICE, MACHINE_SECRETS.get(ISSUER_SERVICE), LODZ_SYSTEM,
                    MACHINE_SECRETS.get(LODZ_SYSTEM), ROTTERDAM_SYSTEM, MACHINE_SECRETS.get(ROTTERDAM_SYSTEM)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
