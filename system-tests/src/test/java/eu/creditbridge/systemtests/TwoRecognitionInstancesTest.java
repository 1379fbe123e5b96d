package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.seed.PartnerIssuer;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * Two recognition-service instances in one consumer group share the credentials' partitions; one of them is killed
 * (SIGKILL, as a crash) in the middle of a partner's burst. Its partitions move to the survivor, which is redelivered
 * what the dead one had not committed: every credential ends with exactly one decision, every learner record counts each
 * recognised credential once, and every decision is on the topic (a decision the dead instance published but had not
 * committed is published again: repeats of the same revision are allowed, counted and printed, never a gap).
 *
 * <p>On the shared stack, whose own instance is the survivor: the second instance is started here, on its own port, and is
 * dead when the test ends, so the test classes after this one see the stack as it was. The burst goes to learners of a
 * run of their own, so the totals are this test's alone.
 */
class TwoRecognitionInstancesTest {

    private static final int CREDENTIALS = 2_000;
    private static final int LEARNERS = 200;
    private static final String ISSUER = "uni.lodz.pl";
    private static final String HOST = "eur.nl";
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);

    @Test
    void aBurstSharedByTwoInstancesOneKilledMidwayEndsWithEveryCredentialDecidedOnceAndCountedOnce() throws Exception {
        LocalStack stack = EmbeddedStack.get();
        ServiceProcess second = stack.anotherInstance(ServiceProcess.RECOGNITION, 2);
        try (MongoClient mongo = MongoClients.create(stack.mongoUri());
                Admin admin = Admin.create(stack.kafkaAdminConfig());
                DecisionsOnTopic topic = new DecisionsOnTopic(stack)) {
            second.start();
            // Each instance runs a consumer per partition, so the group has more members than partitions: wait until each
            // instance's own metrics say it holds some.
            await("both instances hold partitions of " + ContractTopic.CREDENTIALS.topic()).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> metric(stack.recognition(), ASSIGNED_PARTITIONS) >= 1 && metric(second, ASSIGNED_PARTITIONS) >= 1);
            assertThat(membersWithPartitions(admin)).as("consumers holding partitions, across both instances").isBetween(2L, (long) stack.kafka().partitions());

            List<String> sent = new ArrayList<>();
            String learnerPrefix;
            try (PartnerIssuer partner = PartnerIssuer.enrol(stack.state(), new PartnerIssuer.Stack(stack.registry().url(),
                    stack.schemaRegistryUrl(), stack.kafkaAdminConfig()), ISSUER, HOST, LEARNERS, 20, line -> System.out.println("[two] " + line))) {
                learnerPrefix = partner.learnerIdPrefix();
                topic.watch(learnerPrefix);
                for (int index = 0; index < CREDENTIALS; index++) {
                    PartnerIssuer.Outgoing credential = partner.credential(index);
                    partner.send(credential);
                    sent.add(credential.credentialId());
                }
                partner.flush();
            }

            // Mid-burst: a quarter decided, most still to come, both instances at work.
            await("a quarter of the burst decided, some of it by the second instance").atMost(CONVERGENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> topic.credentials() >= CREDENTIALS / 4 && metric(second, DECISIONS) >= 1);
            long decidedBySecond = metric(second, DECISIONS);
            second.kill();
            long decidedAtKill = topic.credentials();
            assertThat(decidedAtKill).as("killed mid-burst, not after it").isLessThan(CREDENTIALS);
            System.out.printf("[two] recognition-service-2 killed (SIGKILL) with %,d of %,d credentials decided on the topic, about %,d of them"
                    + " by itself%n", decidedAtKill, CREDENTIALS, decidedBySecond);

            await("every credential decided on the topic").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> topic.credentials() >= CREDENTIALS);
            MongoCollection<Document> decisions = mongo.getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("decisions");
            MongoCollection<Document> records = mongo.getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("learnerRecords");
            var ofThisRun = Filters.regex("learnerId", "^" + Pattern.quote(learnerPrefix));
            // The learner records are written before the decision is published, so they are complete already; awaited
            // all the same, as a store read after a topic read.
            await("learner records count every recognised credential").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> components(records.find(ofThisRun)) >= counting(decisions.find(ofThisRun)));

            Map<String, Integer> storedPerCredential = new HashMap<>();
            Set<String> countingCredentials = new HashSet<>();
            for (Document decision : decisions.find(ofThisRun)) {
                storedPerCredential.merge(decision.getString("credentialId"), 1, Integer::sum);
                if (Set.of("RECOGNISED", "PARTIALLY_RECOGNISED").contains(decision.getString("outcome"))) {
                    countingCredentials.add(decision.getString("credentialId"));
                }
            }
            assertThat(storedPerCredential.keySet()).as("a decision for every credential sent, and for nothing else").containsExactlyInAnyOrderElementsOf(sent);
            assertThat(storedPerCredential.values()).as("exactly one decision per credential").containsOnly(1);

            int learners = 0;
            Set<String> counted = new HashSet<>();
            for (Document record : records.find(ofThisRun)) {
                learners++;
                List<Document> components = record.getList("components", Document.class);
                List<String> ids = components.stream().map(component -> component.getString("credentialId")).toList();
                assertThat(ids).as("no credential twice in %s", record.getString("learnerId")).doesNotHaveDuplicates();
                BigDecimal sum = components.stream().filter(component -> "RECOGNISED".equals(component.getString("status")))
                        .map(component -> decimal(component.get("credits"))).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(decimal(record.get("totals", Document.class).get("ects"))).as("total of %s", record.getString("learnerId"))
                        .isEqualByComparingTo(sum);
                counted.addAll(ids);
            }
            assertThat(counted).as("the learner records count exactly the recognised credentials").isEqualTo(countingCredentials);
            assertThat(learners).isPositive().isLessThanOrEqualTo(LEARNERS);

            // The jobs no partition owns: each lease document has one holder at a time. The killed instance may have
            // held some (the event-driven ones go to whichever instance an event reaches first); it cannot renew them,
            // so the survivor's relays take theirs over once the 30 s term has run out, and an event-driven job's lease
            // is either the survivor's or out of its term (taken over when its next event comes).
            String survivor = "recognition-service/" + stack.recognition().pid().orElseThrow() + "/";
            var leaseCollection = mongo.getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("leases");
            await("the survivor holds the relays' leases").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> leaseCollection.find().into(new ArrayList<>()).stream()
                            .filter(lease -> List.of("decisions-relay", "registrar-follow-up").contains(lease.getString("_id")))
                            .allMatch(lease -> lease.getString("holder") != null && lease.getString("holder").startsWith(survivor)));
            assertThat(leaseCollection.find().into(new ArrayList<>())).extracting(lease -> lease.getString("_id"))
                    .contains("decisions-relay", "registrar-follow-up", "ruleset-reevaluation", "key-compromise-review");
            // An event-driven job's lease the killed instance took last may outlast the relays' by up to a term (the
            // burst is over sooner than that now): awaited, as the killed holder can never renew it.
            await("every lease the survivor's or out of its term").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        java.util.Date now = new java.util.Date();
                        assertThat(leaseCollection.find().into(new ArrayList<>())).allSatisfy(lease -> assertThat(lease.getString("holder") == null
                                || lease.getString("holder").startsWith(survivor) || !lease.getDate("expiresAt").after(now))
                                .as("lease %s: the survivor's, or out of its term (held by %s until %s)", lease.getString("_id"),
                                        lease.getString("holder"), lease.getDate("expiresAt")).isTrue());
                    });

            assertThat(topic.seen().keySet()).as("every decision on the topic").containsExactlyInAnyOrderElementsOf(sent);
            assertThat(topic.seen().values()).as("one decision per credential on the topic, whatever its revisions")
                    .allSatisfy(revisions -> assertThat(revisions.stream().map(revision -> revision.substring(0, revision.lastIndexOf('@'))).distinct())
                            .hasSize(1));
            long repeats = topic.seen().values().stream().mapToLong(revisions -> revisions.size() - Set.copyOf(revisions).size()).sum();
            System.out.printf("[two] %,d credentials, %,d learners: %,d decisions stored, %,d counted; on the topic %,d decisions, %,d of them"
                    + " repeated (the same revision published again after the kill)%n", CREDENTIALS, learners, storedPerCredential.size(),
                    counted.size(), topic.seen().size(), repeats);
        } finally {
            second.stop(); // already dead; this clears its pid file
        }
    }

    private static final String ASSIGNED_PARTITIONS = "kafka_consumer_coordinator_assigned_partitions{";
    private static final String DECISIONS = "creditbridge_decisions_total{";

    /**
     * The sum of a metric's series in the instance's own Prometheus metrics (open, as a scraper reads them): the partitions
     * its consumers hold, the decisions it made.
     */
    private static long metric(ServiceProcess instance, String series) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).as("metrics of " + instance.name()).isEqualTo(200);
        return Math.round(response.body().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Members of recognition-service's consumer group that hold at least one partition of the credentials' topic. */
    private static long membersWithPartitions(Admin admin) throws Exception {
        var group = admin.describeConsumerGroups(List.of(ServiceProcess.RECOGNITION)).all().get().get(ServiceProcess.RECOGNITION);
        return group.members().stream().map(MemberDescription::assignment)
                .filter(assignment -> assignment.topicPartitions().stream().anyMatch(p -> p.topic().equals(ContractTopic.CREDENTIALS.topic())))
                .count();
    }

    private static long components(Iterable<Document> records) {
        long count = 0;
        for (Document record : records) {
            count += record.getList("components", Document.class).size();
        }
        return count;
    }

    private static long counting(Iterable<Document> decisions) {
        long count = 0;
        for (Document decision : decisions) {
            count += Set.of("RECOGNISED", "PARTIALLY_RECOGNISED").contains(decision.getString("outcome")) ? 1 : 0;
        }
        return count;
    }

    private static BigDecimal decimal(Object stored) {
        return stored instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(stored));
    }

    /**
     * {@code creditbridge.decisions} read from its end as the operator, on a thread of its own: every decision record on
     * a learner of the run, as {@code decisionId@revision} per credential, repeats kept.
     */
    private static final class DecisionsOnTopic implements AutoCloseable {

        private final KafkaConsumer<String, SpecificRecord> consumer;
        private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
        private final AtomicLong polled = new AtomicLong();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile String learnerPrefix;
        private final Thread thread;

        DecisionsOnTopic(LocalStack stack) {
            Map<String, Object> config = new HashMap<>(stack.kafkaAdminConfig());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            var deserializer = new ConfluentAvroDeserializer();
            deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
            List<TopicPartition> partitions = consumer.partitionsFor(ContractTopic.DECISIONS.topic(), Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // positioned at the end now, before anything of the burst is sent
            thread = new Thread(this::consume, "two-instances-decisions");
            thread.setDaemon(true);
        }

        void watch(String prefix) {
            learnerPrefix = prefix;
            thread.start();
        }

        private void consume() {
            while (!closed.get()) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    polled.incrementAndGet();
                    if (record.value() instanceof RecognitionDecided decided && decided.getLearnerId().toString().startsWith(learnerPrefix)) {
                        seen.computeIfAbsent(decided.getCredentialId().toString(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(decided.getDecisionId() + "@" + decided.getRevision());
                    }
                }
            }
            consumer.close();
        }

        long credentials() {
            return seen.size();
        }

        Map<String, List<String>> seen() {
            return seen;
        }

        @Override
        public void close() throws InterruptedException {
            closed.set(true);
            if (thread.isAlive()) {
                thread.join(10_000); // it closes the consumer it polls
            } else {
                consumer.close();
            }
        }
    }
}
