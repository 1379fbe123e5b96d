package eu.creditbridge.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine accounts — student-information systems, CreditBridge's own services — read from one JSON file:
 * <pre>{"accounts": [{"username": "sis@uni.lodz.pl", "role": "INSTITUTION_SYSTEM", "institution": "uni.lodz.pl",
 *                   "secret": "…"}, {"username": "issuer-service", "role": "SERVICE", "secretSha256": "…hex…"}]}</pre>
 * On the embedded default the launcher writes it into the state folder with long random secrets (never into git);
 * elsewhere it may carry only the secrets' SHA-256 ({@code secretSha256}), so the service never holds a secret it
 * does not use itself. A service that calls another finds its own secret here ({@link #secretOf}).
 */
public final class MachineAccounts {

    /** One account: {@code secret} is present where the file gave it in plain text. */
    public record MachineAccount(String username, Role role, Optional<String> institution, Optional<String> secret,
                                 String secretSha256) {
    }

    private final Map<String, MachineAccount> accounts;

    private MachineAccounts(Map<String, MachineAccount> accounts) {
        this.accounts = accounts;
    }

    public static MachineAccounts none() {
        return new MachineAccounts(Map.of());
    }

    public static MachineAccounts read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("creditbridge.security.machine-accounts-file: cannot read " + file
                    + " (./creditbridge start writes it into the state folder)", e);
        }
    }

    static MachineAccounts parse(String json, String source) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, MachineAccount> accounts = new LinkedHashMap<>();
        for (JsonNode node : root.path("accounts")) {
            String username = text(node, "username");
            if (username == null || username.isBlank()) {
                throw new IllegalStateException(source + ": every machine account needs a username");
            }
            Role role = Role.parse(text(node, "role")).filter(Role::machine).orElseThrow(() -> new IllegalStateException(
                    source + ": machine account '" + username + "' has role '" + text(node, "role")
                            + "'; use INSTITUTION_SYSTEM or SERVICE"));
            Optional<String> institution = Optional.ofNullable(text(node, "institution")).filter(s -> !s.isBlank());
            if (role.institutionBound() && institution.isEmpty()) {
                throw new IllegalStateException(source + ": machine account '" + username + "' needs an institution");
            }
            Optional<String> secret = Optional.ofNullable(text(node, "secret")).filter(s -> !s.isBlank());
            String hash = secret.map(Sha256SecretEncoder::digestHex).orElse(text(node, "secretSha256"));
            if (hash == null || hash.isBlank()) {
                throw new IllegalStateException(source + ": machine account '" + username + "' needs a secret or secretSha256");
            }
            HexFormat.of().parseHex(hash);
            if (secret.isEmpty() && hash.length() != 64) {
                throw new IllegalStateException(source + ": '" + username + "' secretSha256 must be 64 hex digits");
            }
            if (accounts.put(username, new MachineAccount(username, role, institution, secret, hash)) != null) {
                throw new IllegalStateException(source + ": machine account '" + username + "' is listed twice");
            }
        }
        return new MachineAccounts(Map.copyOf(accounts));
    }

    public List<MachineAccount> all() {
        return List.copyOf(accounts.values());
    }

    /** The plain secret of an account, for a service calling another as itself. */
    public Optional<String> secretOf(String username) {
        return Optional.ofNullable(accounts.get(username)).flatMap(MachineAccount::secret);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
