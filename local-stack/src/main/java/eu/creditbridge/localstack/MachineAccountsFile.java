package eu.creditbridge.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default's machine accounts, with secrets generated on first start into the state folder
 * ({@code secrets/machine-accounts.json}, readable by its owner only; never in git): {@code issuer-service}, the
 * issuer's own principal at the registry, and one student-information system per demo institution,
 * {@code sis@<schac>}. Every service reads the same file ({@code creditbridge.security.machine-accounts-file}) and
 * keeps only the secrets' SHA-256; the launcher, the chaos run and the system tests call the APIs with these secrets.
 * A later start keeps every secret and adds the accounts of institutions new in the demo seed.
 */
public final class MachineAccountsFile {

    public static final String ISSUER_SERVICE = "issuer-service";
    static final String DEMO_SEED = "registry-service/src/main/resources/demo/registry-demo.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> secrets;

    private MachineAccountsFile(Path file, Map<String, String> secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    public static Path location(StateLayout state) {
        return state.root().resolve("secrets").resolve("machine-accounts.json");
    }

    /** The file of this state folder, written or completed now. */
    public static MachineAccountsFile ensure(StateLayout state, Path repoDir) {
        Path file = location(state);
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
            ArrayNode accounts = root.has("accounts") ? (ArrayNode) root.get("accounts") : root.putArray("accounts");
            Set<String> present = new LinkedHashSet<>();
            accounts.forEach(account -> present.add(account.path("username").asText()));
            boolean changed = false;
            if (!present.contains(ISSUER_SERVICE)) {
                accounts.addObject().put("username", ISSUER_SERVICE).put("role", "SERVICE").put("secret", newSecret());
                changed = true;
            }
            for (String schac : demoInstitutions(repoDir)) {
                if (!present.contains(systemOf(schac))) {
                    accounts.addObject().put("username", systemOf(schac)).put("role", "INSTITUTION_SYSTEM")
                            .put("institution", schac).put("secret", newSecret());
                    changed = true;
                }
            }
            if (changed) {
                SecretFiles.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
            Map<String, String> secrets = new LinkedHashMap<>();
            accounts.forEach(account -> secrets.put(account.path("username").asText(), account.path("secret").asText()));
            return new MachineAccountsFile(file, Map.copyOf(secrets));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the machine accounts into " + file, e);
        }
    }

    /** The student-information system account of an institution: {@code sis@<schac>}. */
    public static String systemOf(String schac) {
        return "sis@" + schac;
    }

    public Path file() {
        return file;
    }

    public Optional<String> secretOf(String username) {
        return Optional.ofNullable(secrets.get(username));
    }

    /** HTTP Basic for an account of this file; fails loudly for one it does not hold. */
    public String basic(String username) {
        String secret = secretOf(username).orElseThrow(() -> new IllegalArgumentException(
                "no machine account '" + username + "' in " + file));
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The same request signed in as an account of this file. */
    public HttpRequest.Builder signedIn(HttpRequest.Builder request, String username) {
        return request.header("Authorization", basic(username));
    }

    private static Set<String> demoInstitutions(Path repoDir) throws IOException {
        Set<String> schacs = new LinkedHashSet<>();
        Path seed = repoDir.resolve(DEMO_SEED);
        if (Files.exists(seed)) {
            for (JsonNode institution : JSON.readTree(seed.toFile()).path("institutions")) {
                schacs.add(institution.path("schacCode").asText());
            }
        }
        return schacs;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
