package eu.creditbridge.localstack.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.creditbridge.localstack.SecretFiles;
import eu.creditbridge.localstack.StateLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may talk to the embedded broker, with the passwords generated into the state folder
 * ({@code secrets/kafka-principals.json}, readable by its owner only; never in git). A later start keeps every
 * password; {@code ./creditbridge partner add <schac>} adds a partner issuer.
 *
 * <ul>
 *   <li>{@code broker} — the broker's own principal (controller and inter-broker traffic), a super user.</li>
 *   <li>{@code admin} — the launcher's bootstrap super user: creates topics, the other principals and their ACLs,
 *       and is what operators' tools (readiness, chaos, seed's progress) sign in as.</li>
 *   <li>one principal per service ({@code registry-service}, {@code issuer-service}, {@code recognition-service}), and
 *       {@code schema-registry} for compose's Confluent Schema Registry.</li>
 *   <li>{@code partner-<schac>} per partner issuer: may write {@code creditbridge.credentials} and nothing else.</li>
 * </ul>
 *
 * <p>{@code broker} and {@code admin} sign in with SASL/PLAIN, checked against the broker's own configuration (a file of
 * the state folder): they must work before any SCRAM credential exists, also on a log directory formatted before this
 * class existed, where KIP-900's format-time SCRAM users cannot be added any more. Everyone else uses SCRAM-SHA-512,
 * whose credentials live in the cluster's metadata and are created through the Admin API by {@code admin}.
 */
public final class BrokerPrincipals {

    public static final String BROKER = "broker";
    public static final String ADMIN = "admin";
    /** Confluent Schema Registry's principal in docker-compose (its {@code _schemas} topic); the embedded Apicurio keeps its schemas in H2. */
    public static final String SCHEMA_REGISTRY = "schema-registry";
    public static final String SCRAM = "SCRAM-SHA-512";
    public static final String PLAIN = "PLAIN";
    static final String PARTNER_PREFIX = "partner-";
    private static final List<String> SERVICES = List.of("registry-service", "issuer-service", "recognition-service", SCHEMA_REGISTRY);
    /** A SCHAC code as the registry takes it: lower-case DNS labels. */
    private static final Pattern SCHAC = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> passwords;

    private BrokerPrincipals(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    public static Path location(StateLayout state) {
        return state.root().resolve("secrets").resolve("kafka-principals.json");
    }

    /** The principals of this state folder: the broker's, the admin's and the services', written or completed now. */
    public static BrokerPrincipals ensure(StateLayout state) {
        List<String> wanted = new ArrayList<>(List.of(BROKER, ADMIN));
        wanted.addAll(SERVICES);
        return with(state, wanted);
    }

    /** The same, with a partner issuer's principal ({@code partner-<schac>}) added if it is not there yet. */
    public static BrokerPrincipals withPartner(StateLayout state, String schac) {
        List<String> wanted = new ArrayList<>(List.of(BROKER, ADMIN));
        wanted.addAll(SERVICES);
        wanted.add(partnerOf(schac));
        return with(state, wanted);
    }

    /** {@code uni.lodz.pl} -> {@code partner-uni.lodz.pl}; refuses what is not a SCHAC code. */
    public static String partnerOf(String schac) {
        if (schac == null || !SCHAC.matcher(schac).matches()) {
            throw new IllegalArgumentException("'" + schac + "' is not a SCHAC code (lower-case DNS name, e.g. uni.lodz.pl)");
        }
        return PARTNER_PREFIX + schac;
    }

    private static BrokerPrincipals with(StateLayout state, List<String> wanted) {
        Path file = location(state);
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
            ArrayNode principals = root.has("principals") ? (ArrayNode) root.get("principals") : root.putArray("principals");
            Map<String, String> passwords = new LinkedHashMap<>();
            principals.forEach(p -> passwords.put(p.path("name").asText(), p.path("password").asText()));
            boolean changed = false;
            for (String name : wanted) {
                if (!passwords.containsKey(name)) {
                    String password = newPassword();
                    principals.addObject().put("name", name).put("mechanism", mechanismOf(name)).put("password", password);
                    passwords.put(name, password);
                    changed = true;
                }
            }
            if (changed) {
                root.put("_comment", "Kafka principals of the embedded broker (SASL). Generated; never commit this file.");
                SecretFiles.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
            return new BrokerPrincipals(file, Map.copyOf(passwords));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka principals into " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Every principal of the file that signs in with SCRAM: what the broker must hold credentials for. */
    public List<String> scramPrincipals() {
        return passwords.keySet().stream().filter(name -> mechanismOf(name).equals(SCRAM)).sorted().toList();
    }

    public List<String> partners() {
        return passwords.keySet().stream().filter(name -> name.startsWith(PARTNER_PREFIX)).sorted().toList();
    }

    public Optional<String> passwordOf(String name) {
        return Optional.ofNullable(passwords.get(name));
    }

    private String password(String name) {
        return passwordOf(name).orElseThrow(() -> new IllegalArgumentException("no Kafka principal '" + name + "' in " + file
                + (name.startsWith(PARTNER_PREFIX) ? "; `./creditbridge partner add " + name.substring(PARTNER_PREFIX.length())
                + "` creates it" : "")));
    }

    /** The client settings of a principal: security protocol, mechanism and JAAS line (what any Kafka client takes). */
    public Map<String, Object> clientConfig(String name) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", mechanismOf(name));
        config.put("sasl.jaas.config", jaas(name, password(name)));
        return config;
    }

    /** The JAAS line a client signs in with. */
    static String jaas(String name, String password) {
        String module = mechanismOf(name).equals(PLAIN) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + name + "\" password=\"" + password + "\";";
    }

    /**
     * The broker's side of PLAIN: the only two principals that sign in with it, and the broker's own sign-in to itself.
     */
    public String plainServerJaas() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER + "\" password=\""
                + password(BROKER) + "\" user_" + BROKER + "=\"" + password(BROKER) + "\" user_" + ADMIN + "=\"" + password(ADMIN) + "\";";
    }

    static String mechanismOf(String name) {
        return name.equals(BROKER) || name.equals(ADMIN) ? PLAIN : SCRAM;
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
