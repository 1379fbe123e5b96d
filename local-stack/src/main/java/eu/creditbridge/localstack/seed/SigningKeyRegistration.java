package eu.creditbridge.localstack.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Puts the partner's public key on the trust list the way a partner university does (PUT at the registry as its
 * institution admin), then waits until the registry has published the institution with that key on
 * {@code creditbridge.registry.institutions}: only then can recognition verify what is signed with it.
 */
final class SigningKeyRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first day of the key's validity: before any result a seed dates (the system tests use the same day). */
    static final String VALID_FROM = "2000-01-01";

    private SigningKeyRegistration() {
    }

    /** The request body of {@code PUT /api/institutions/{schac}/signing-keys/{keyId}}. */
    static String body(PartnerSigningKey key) {
        return JSON.createObjectNode().put("algorithm", "EdDSA").put("publicKey", key.publicJwk()).put("validFrom", VALID_FROM)
                .toString();
    }

    /** Registers the key as {@code admin@<issuer>} (password {@code demo}); 201 or 200 (listed already) are both fine. */
    static void register(String registryUrl, String issuer, PartnerSigningKey key) {
        String admin = "admin@" + issuer;
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/api/institutions/" + issuer + "/signing-keys/"
                        + key.keyId()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((admin + ":demo").getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(body(key)))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the registry at " + registryUrl + " (" + e.getMessage()
                    + "); is the stack running? `./creditbridge status` shows it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the signing key", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new IllegalStateException("the registry refused " + admin + " (HTTP " + status + "): seed signs in as the "
                    + "institution's demo admin (password 'demo'), a person that exists only in the embedded default "
                    + "(creditbridge.security.mode=local). Against a stack with real sign-in, register the key "
                    + key.keyId() + " yourself. " + response.body());
        }
        if (status == 404) {
            throw new IllegalStateException("the registry does not list " + issuer + " (HTTP 404); --issuer must be an institution "
                    + "of the registry (curl " + registryUrl + "/api/institutions)");
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("the registry refused signing key " + key.keyId() + ": HTTP " + status + " " + response.body());
        }
    }

    /**
     * Reads the institutions topic from its start until the issuer's record lists the key; returns the issuer as
     * published, and checks that the host is listed too.
     */
    static PartnerUniversity awaitPublished(Map<String, Object> kafkaConfig, String schemaRegistryUrl, String issuer, String host,
            String keyId, Duration timeout) {
        Properties config = new Properties();
        config.putAll(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "creditbridge-seed-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class.getName());
        config.put("schema.registry.url", schemaRegistryUrl);
        Map<String, InstitutionUpdated> latest = new HashMap<>();
        Instant giveUp = Instant.now().plus(timeout);
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config)) {
            String topic = ContractTopic.INSTITUTIONS.topic();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Caught up once past what the topic held at the start: only then does a missing host mean an unknown one.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (Instant.now().isBefore(giveUp)) {
                try {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                        // As recognition reads the trust list: an entry only under its own institution's key.
                        if (record.value() instanceof InstitutionUpdated institution && institution.getSchacCode().equals(record.key())) {
                            latest.put(institution.getSchacCode(), institution);
                        }
                    }
                } catch (RecordDeserializationException e) {
                    consumer.seek(e.topicPartition(), e.offset() + 1); // unreadable: passed over, as every reader does
                }
                boolean caughtUp = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (caughtUp && !latest.containsKey(host)) {
                    throw new IllegalStateException("--host " + host + " is not an institution of the registry; "
                            + "its learners' credentials would have no ruleset to be decided by");
                }
                InstitutionUpdated published = latest.get(issuer);
                if (caughtUp && published != null && published.getSigningKeys().stream().anyMatch(k -> k.getKeyId().equals(keyId))) {
                    return PartnerUniversity.of(published);
                }
            }
        }
        throw new IllegalStateException("the registry accepted signing key " + keyId + " but did not publish it on "
                + ContractTopic.INSTITUTIONS.topic() + " within " + timeout.toSeconds() + " s; `./creditbridge logs registry-service` says why");
    }
}
