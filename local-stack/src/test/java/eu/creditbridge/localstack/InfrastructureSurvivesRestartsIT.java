package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure half of the stack (Kafka, Apicurio, the MongoDB wire server; no services) on
 * random ports: the contract is in place after start, and each part keeps its data when it is
 * restarted or killed — the property the fault tests of the system rely on.
 */
class InfrastructureSurvivesRestartsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.builder().randomPorts().temporaryStateDir().services().stopOnJvmExit(true)
                .log(System.out::println).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void freshStackHasTheContractTopicsAndSchemas() throws Exception {
        try (Admin admin = Admin.create(stack.kafkaAdminConfig())) {
            assertThat(admin.listTopics().names().get())
                    .contains("creditbridge.credentials", "creditbridge.credentials.dlt", "creditbridge.registry.rulesets");
        }
        assertThat(get(stack.schemaRegistryUrl() + "/subjects").body())
                .contains("creditbridge.credentials-value", "creditbridge.decisions-value");
    }

    @Test
    void recordsSurviveABrokerKilledAndRestarted() {
        String key = "urn:schac:personalUniqueCode:int:esi:pl:" + UUID.randomUUID();
        Map<String, Object> producerConfig = new HashMap<>(stack.kafkaAdminConfig());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("creditbridge.credentials.dlt", key, "kept")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        stack.kafka().kill();
        stack.kafka().start();

        assertThat(readAll("creditbridge.credentials.dlt", Duration.ofSeconds(30), key)).contains(key);
    }

    @Test
    void schemaIdsSurviveARegistryRestart() throws Exception {
        String subject = "local-stack-restart-" + UUID.randomUUID() + "-value";
        String schema = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"n\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(schema)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(200);
        String id = registered.body().replaceAll("[^0-9]", "");

        stack.schemaRegistry().restart();

        assertThat(get(stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions/latest").body()).contains("\"id\":" + id);
    }

    @Test
    void documentsSurviveAMongoRestart() {
        String credentialId = UUID.randomUUID().toString();
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            client.getDatabase("creditbridge-issuer").getCollection("credentials").insertOne(new Document("_id", credentialId));
        }

        stack.mongo().restart();

        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> credentials = client.getDatabase("creditbridge-issuer").getCollection("credentials");
            assertThat(credentials.find(new Document("_id", credentialId)).first()).isNotNull();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> readAll(String topic, Duration within, String wantedKey) {
        List<String> keys = new ArrayList<>();
        Map<String, Object> consumerConfig = new HashMap<>(stack.kafkaAdminConfig());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(within);
            while (!keys.contains(wantedKey) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
