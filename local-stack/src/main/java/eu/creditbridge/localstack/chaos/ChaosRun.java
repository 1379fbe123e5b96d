package eu.creditbridge.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.MachineAccountsFile;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.StackComponent;
import eu.creditbridge.localstack.chaos.ChaosPlan.PlannedFault;
import eu.creditbridge.localstack.chaos.ChaosResult.FaultRecord;
import eu.creditbridge.localstack.chaos.Workload.ExpectedRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The fault test of the whole system, for {@code ./creditbridge chaos} and the system tests alike: credentials issued
 * through issuer-service's REST API by a few concurrent clients, to many learners, while recognition-service and
 * issuer-service are killed with SIGKILL and the Kafka broker is restarted; then every learner record is compared
 * with the totals the demo rules must give (see {@link Workload}) — all of them as stored, a sample also through the
 * registrar's REST API — the consumer groups' lag must be back to zero and the issuer must hold every credential's
 * decision.
 *
 * <p>In three steps, so a test can await with its own tools: {@link #stream()}, then {@link #observe()} until
 * {@link Convergence#converged()}, then {@link #verify()}. {@link #run()} does all three with a deadline loop.
 *
 * <p>Faults come in order at their share of accepted credentials. Clients hold back credentials beyond a fault's
 * point until the fault has struck, so every fault strikes while credentials are still being issued, however fast the
 * stream is. A crashed service is started again in the background, so service crashes may overlap; a broker restart
 * waits until every earlier fault has recovered. A POST the issuer does not answer is sent again with the same
 * credential id and body: the issuer's idempotency key, answered 200 when the first attempt had been stored.
 */
public final class ChaosRun implements AutoCloseable {

    /** The consumer groups whose lag must return to zero: recognition's (credentials) and the issuer's (decisions). */
    public static final List<String> GROUPS = List.of(ServiceProcess.RECOGNITION, ServiceProcess.ISSUER);
    private static final Duration GIVE_UP_ON_POST = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int REST_SAMPLES = 5;
    /* Learner records also read through the REST API at the end: each call costs recognition a password hash. */
    private static final int RECORD_SAMPLES = 20;

    private final LocalStack stack;
    private final ChaosPlan plan;
    private final Consumer<String> log;
    private final Workload workload;
    private final List<ExpectedRecord> expected;
    private final Map<String, Integer> indexOfCredential = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String issuerAuthorization;
    private final String recognitionAuthorization;
    private final ConsumerLag lag;
    private final ExecutorService clients;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chaos-lag-sampler"));
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<FaultRecord> faults = Collections.synchronizedList(new ArrayList<>());
    private final Set<Integer> pendingLearners = ConcurrentHashMap.newKeySet();
    private volatile Instant started;
    private volatile Instant lastAccepted;
    private volatile Instant lastRecovered;
    private volatile Instant convergedAt;
    private volatile long deadLettersBefore;
    private volatile int decisionsAtIssuer;
    private MongoClient mongo;

    public ChaosRun(LocalStack stack, ChaosPlan plan, Consumer<String> log) {
        this.stack = stack;
        this.plan = plan;
        this.log = log;
        this.workload = new Workload(plan);
        this.expected = workload.expectedRecords();
        for (int i = 0; i < workload.size(); i++) {
            indexOfCredential.put(workload.credentialId(i).toString(), i);
        }
        // The issuing university's and the receiving university's own student-information systems, as in production.
        this.issuerAuthorization = stack.machineAccounts().basic(MachineAccountsFile.systemOf(Workload.ISSUER));
        this.recognitionAuthorization = stack.machineAccounts().basic(MachineAccountsFile.systemOf(Workload.RECEIVER));
        this.lag = new ConsumerLag(stack.kafkaAdminConfig());
        this.clients = Executors.newFixedThreadPool(plan.concurrency(), r -> daemon(r, "chaos-client"));
        IntStream.range(0, plan.learners()).forEach(pendingLearners::add);
    }

    /** Learners of this run are {@code urn:schac:personalUniqueCode:int:esi:eur.nl:chaos-<runId>-<n>}. */
    public String runId() {
        return workload.runId();
    }

    /**
     * Issues every credential while the faults strike, and returns once every credential has been accepted and every
     * faulted component is running again. A component a failed fault left down is started before this returns.
     */
    public void stream() {
        started = Instant.now();
        try {
            deadLettersBefore = lag.records(deadLetterTopics());
        } catch (Exception e) {
            problems.add("could not count the dead letters before the run: " + e.getMessage());
        }
        sampler.scheduleWithFixedDelay(this::sampleLag, 0, 1, TimeUnit.SECONDS);
        List<PlannedFault> planned = plan.faults();
        int[] thresholds = planned.stream().mapToInt(plan::threshold).toArray();
        List<CompletableFuture<Void>> struck = planned.stream().map(f -> new CompletableFuture<Void>()).toList();
        log.accept(String.format("Issuing %,d credentials to %,d learners (run %s) with %d clients; faults: %s", plan.credentials(),
                plan.learners(), runId(), plan.concurrency(), describe(planned, thresholds)));
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < plan.concurrency(); c++) {
            workers.add(clients.submit(() -> {
                for (int index = next.getAndIncrement(); index < workload.size(); index = next.getAndIncrement()) {
                    for (int k = 0; k < thresholds.length && thresholds[k] <= index; k++) {
                        struck.get(k).join();
                    }
                    issue(index);
                }
            }));
        }
        List<CompletableFuture<Void>> recoveries = new ArrayList<>();
        try {
            for (int k = 0; k < planned.size(); k++) {
                awaitDone(thresholds[k]);
                if (planned.get(k).fault().isOutage()) {
                    // A service starting while infrastructure is away could give up; crashes of services may overlap.
                    CompletableFuture.allOf(recoveries.toArray(CompletableFuture[]::new)).join();
                }
                recoveries.add(strike(planned.get(k), struck.get(k)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            CompletableFuture.allOf(recoveries.toArray(CompletableFuture[]::new)).join();
        } catch (Exception e) {
            problems.add("the stream broke off: " + e);
            struck.forEach(gate -> gate.complete(null));
        } finally {
            restartWhatIsDown();
        }
        log.accept(String.format("All %,d credentials accepted in %.1f s; waiting for the pipeline to catch up", accepted.get(),
                Duration.between(started, lastAcceptedOrNow()).toMillis() / 1000.0));
    }

    /** Inflicts the fault, opens the gate for the credentials after it, and recovers in the background. */
    private CompletableFuture<Void> strike(PlannedFault planned, CompletableFuture<Void> gate) {
        Fault fault = planned.fault();
        int after = done.get();
        Instant down = Instant.now();
        try {
            log.accept(String.format("  FAULT after %,d credentials: %s", after, fault.description()));
            fault.inflict(stack);
        } catch (RuntimeException e) {
            problems.add("could not " + fault.description() + ": " + e.getMessage());
        } finally {
            gate.complete(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                fault.recover(stack);
            } catch (RuntimeException e) {
                problems.add(fault.component() + " did not come back after '" + fault.description() + "': " + e.getMessage());
            }
            Instant up = Instant.now();
            Duration downtime = Duration.between(down, up);
            synchronized (faults) {
                lastRecovered = lastRecovered == null || up.isAfter(lastRecovered) ? up : lastRecovered;
                faults.add(new FaultRecord(fault, after, downtime));
            }
            log.accept(String.format("  %s is back after %.1f s", fault.component(), downtime.toMillis() / 1000.0));
        }, command -> daemon(command, "chaos-recover-" + fault.component()).start());
    }

    private void awaitDone(int count) throws InterruptedException {
        while (done.get() < count) {
            Thread.sleep(20);
        }
    }

    /* The shared stack of the system tests must be whole again for the test classes after this one. */
    private void restartWhatIsDown() {
        for (StackComponent component : stack.components()) {
            if (!component.isRunning()) {
                try {
                    log.accept("  starting " + component.name() + " again (a fault left it down)");
                    component.start();
                } catch (RuntimeException e) {
                    problems.add(component.name() + " could not be started again: " + e.getMessage());
                }
            }
        }
    }

    private void issue(int index) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.issuer().url() + "/api/credentials"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", issuerAuthorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(workload.json(index)))
                .build();
        Instant giveUp = Instant.now().plus(GIVE_UP_ON_POST);
        try {
            for (int attempt = 0; ; attempt++) {
                String failure;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        if (response.statusCode() == 200) {
                            repeated.incrementAndGet();
                        }
                        accept();
                        return;
                    }
                    failure = "HTTP " + response.statusCode() + " " + response.body();
                    if (response.statusCode() < 500 && response.statusCode() != 429) {
                        problems.add("credential " + workload.credentialId(index) + " refused: " + failure);
                        return;
                    }
                } catch (IOException e) {
                    failure = e.toString();
                }
                if (Instant.now().isAfter(giveUp)) {
                    problems.add("credential " + workload.credentialId(index) + " not accepted within " + GIVE_UP_ON_POST.toMinutes()
                            + " min: " + failure);
                    return;
                }
                retried.incrementAndGet();
                // The issuer is down or restarting: back off up to a second, it takes a while to come back.
                Thread.sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted while issuing credential " + index);
        } finally {
            done.incrementAndGet();
        }
    }

    private void accept() {
        lastAccepted = Instant.now();
        int count = accepted.incrementAndGet();
        int tenth = Math.max(1, workload.size() / 10);
        if (count % tenth == 0) {
            log.accept(String.format("  issued %,d of %,d (%.0f/s)", count, workload.size(),
                    count / Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0)));
        }
    }

    private void sampleLag() {
        try {
            lag.of(GROUPS).forEach((group, records) -> maxLag.merge(group, records, Math::max));
        } catch (Exception brokerAway) {
            // sampled again in a second; the broker may be restarting
        }
    }

    /** Where the pipeline stands: learner records complete, consumer lag, decisions back at the issuer. */
    public record Convergence(int learnersMatching, int learners, Map<String, Long> lag, int decisionsAtIssuer, int credentials,
            List<String> overCounted) {

        public Convergence {
            lag = Collections.unmodifiableMap(new LinkedHashMap<>(lag));
            overCounted = List.copyOf(overCounted);
        }

        /** Everything arrived, exactly once, and nothing is left to consume. */
        public boolean converged() {
            return learnersMatching == learners && lag.values().stream().allMatch(records -> records == 0)
                    && decisionsAtIssuer == credentials && overCounted.isEmpty();
        }

        /** A record that holds more than it should never comes right again: waiting longer is pointless. */
        public boolean countedTwice() {
            return !overCounted.isEmpty();
        }

        @Override
        public String toString() {
            return describe();
        }

        public String describe() {
            StringBuilder lags = new StringBuilder();
            lag.forEach((group, records) -> lags.append(' ').append(group).append('=').append(records < 0 ? "?" : String.format("%,d", records)));
            return String.format("lag%s, decisions at issuer %s, learner records exact %s", lags,
                    decisionsAtIssuer < 0 ? "(read once the lag is zero)" : String.format("%,d/%,d", decisionsAtIssuer, credentials),
                    decisionsAtIssuer < credentials ? "(read once every decision is at the issuer)"
                            : String.format("%,d/%,d", learnersMatching, learners))
                    + (overCounted.isEmpty() ? "" : ", COUNTED TWICE: " + overCounted.get(0));
        }
    }

    /**
     * One look at the pipeline, cheapest first: the consumer lag (the admin API), then the issuer's decisions (one read
     * of its database), and only once both are complete the learner records (one read of recognition's database).
     * Not through the REST API: with HTTP Basic every call costs a password hash on the recognition side, and thousands
     * of them would spend the pipeline's own CPU and inflate the figures; {@link #verify()} reads a sample of learners
     * that way too. Learners already found complete are not compared again (totals only grow in this run;
     * {@link #verify()} compares every one once more).
     */
    public Convergence observe() {
        Map<String, Long> lags = new LinkedHashMap<>();
        try {
            lags.putAll(lag.of(GROUPS));
        } catch (Exception e) {
            GROUPS.forEach(group -> lags.put(group, -1L));
        }
        int decided = -1;
        List<String> overCounted = Collections.synchronizedList(new ArrayList<>());
        if (lags.values().stream().allMatch(records -> records == 0)) {
            decided = issuerDecisions(new ArrayList<>());
            decisionsAtIssuer = decided;
        }
        if (decided == workload.size()) {
            Map<String, RecordView> records = recordsInDatabase(new ArrayList<>());
            for (int learner : List.copyOf(pendingLearners)) {
                Optional<String> mismatch = compare(expected.get(learner), records.get(expected.get(learner).learnerId()));
                if (mismatch.isEmpty()) {
                    pendingLearners.remove(learner);
                } else if (mismatch.get().startsWith("counted twice")) {
                    overCounted.add(mismatch.get());
                }
            }
        }
        Convergence convergence = new Convergence(plan.learners() - pendingLearners.size(), plan.learners(), lags, decided,
                workload.size(), overCounted);
        if (convergence.converged() && convergedAt == null) {
            convergedAt = Instant.now();
        }
        return convergence;
    }

    /**
     * The last word: every learner record compared once more with its expected end state, the lag, the issuer's
     * decisions (all of them in its database, a few through its REST API), and the figures.
     */
    public ChaosResult verify() {
        Instant end = convergedAt != null ? convergedAt : Instant.now();
        List<String> found = new ArrayList<>(problems);
        Map<String, RecordView> records = recordsInDatabase(found);
        int matching = 0;
        List<String> mismatches = new ArrayList<>();
        for (ExpectedRecord want : expected) {
            Optional<String> mismatch = compare(want, records.get(want.learnerId()));
            if (mismatch.isEmpty()) {
                matching++;
            } else {
                mismatches.add(mismatch.get());
            }
        }
        List<Future<Optional<String>>> asked = new ArrayList<>();
        int step = Math.max(1, plan.learners() / RECORD_SAMPLES);
        for (int learner = step / 2; learner < plan.learners(); learner += step) {
            int which = learner;
            asked.add(clients.submit(() -> compareRecordOverRest(which).map(m -> "through the REST API: " + m)));
        }
        asked.forEach(check -> join(check).ifPresent(found::add));
        if (!mismatches.isEmpty()) {
            found.add(mismatches.size() + " of " + plan.learners() + " learner records differ from the expected totals, e.g. "
                    + String.join("; ", mismatches.subList(0, Math.min(3, mismatches.size()))));
        }
        try {
            Map<String, Long> lags = lag.of(GROUPS);
            lags.forEach((group, behind) -> {
                if (behind != 0) {
                    found.add("consumer group " + group + " still lags " + behind + " records");
                }
            });
        } catch (Exception e) {
            found.add("could not read the consumer lag: " + e.getMessage());
        }
        List<String> decisionProblems = new ArrayList<>();
        int decided = issuerDecisions(decisionProblems);
        if (decided != workload.size()) {
            found.add((workload.size() - decided) + " of " + workload.size() + " credentials lack their expected decision at the issuer"
                    + (decisionProblems.isEmpty() ? "" : ", e.g. " + String.join("; ", decisionProblems)));
        }
        found.addAll(restSamples());
        long deadLetters = 0;
        try {
            deadLetters = lag.records(deadLetterTopics()) - deadLettersBefore;
        } catch (Exception e) {
            found.add("could not count the dead letters: " + e.getMessage());
        }
        Instant recovered = lastRecovered != null ? lastRecovered : started;
        return new ChaosResult(workload.size(), plan.learners(), plan.concurrency(),
                Duration.between(started, lastAcceptedOrNow()), Duration.between(started, end), Duration.between(recovered, end),
                sortedFaults(), retried.get(), repeated.get(), new LinkedHashMap<>(maxLag), deadLetters, matching, decided, found);
    }

    /**
     * {@code ./creditbridge chaos}: {@link #stream()}, then {@link #observe()} every two seconds, printing where things
     * stand, until converged, counted twice or {@link ChaosPlan#convergenceTimeout()}, then {@link #verify()}.
     */
    public ChaosResult run() {
        stream();
        Instant deadline = Instant.now().plus(plan.convergenceTimeout());
        while (true) {
            Convergence now = observe();
            log.accept(String.format("  [%6.1f s] %s", Duration.between(started, Instant.now()).toMillis() / 1000.0, now.describe()));
            if (now.converged() || now.countedTwice() || Instant.now().isAfter(deadline)) {
                break;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return verify();
    }

    /** A learner record as far as the checks need it: its total, its components, its credits per local course. */
    record RecordView(BigDecimal total, List<Component> components, Map<String, BigDecimal> perLocalCourse) {

        record Component(String credentialId, String status) {
        }

        /** As recognition-service's REST API shows it. */
        static RecordView of(JsonNode record) {
            List<Component> components = new ArrayList<>();
            record.path("components").forEach(c -> components.add(new Component(c.path("credentialId").asText(), c.path("status").asText())));
            Map<String, BigDecimal> perCourse = new HashMap<>();
            record.path("totals").path("perLocalCourse").properties().forEach(e -> perCourse.put(e.getKey(), e.getValue().decimalValue()));
            return new RecordView(record.path("totals").path("ects").decimalValue(), components, perCourse);
        }

        /**
         * As recognition-service stores it (collection {@code learnerRecords}): credits as Decimal128, and per-course
         * totals under field names where '%', '.' and '$' are percent-encoded.
         */
        static RecordView of(Document record) {
            List<Component> components = record.getList("components", Document.class, List.of()).stream()
                    .map(c -> new Component(c.getString("credentialId"), c.getString("status"))).toList();
            Document totals = record.get("totals", new Document());
            Map<String, BigDecimal> perCourse = new HashMap<>();
            totals.get("localCourses", new Document()).forEach((field, credits) -> perCourse.put(
                    field.replace("%24", "$").replace("%2E", ".").replace("%25", "%"), decimal(credits)));
            return new RecordView(decimal(totals.get("ects")), components, perCourse);
        }

        private static BigDecimal decimal(Object stored) {
            return stored instanceof Decimal128 d ? d.bigDecimalValue() : stored instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
        }
    }

    /** Every learner record of the receiving university, by learner id, in one read of recognition's database. */
    private Map<String, RecordView> recordsInDatabase(List<String> problemsFound) {
        Map<String, RecordView> records = new HashMap<>();
        try {
            for (Document record : mongo().getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("learnerRecords")
                    .find(new Document("institution", Workload.RECEIVER))) {
                records.put(record.getString("learnerId"), RecordView.of(record));
            }
        } catch (RuntimeException e) {
            problemsFound.add("recognition's database could not be read: " + e.getMessage());
        }
        return records;
    }

    /** The learner's record as a registrar reads it, through recognition-service's REST API, compared. */
    private Optional<String> compareRecordOverRest(int learner) {
        ExpectedRecord want = expected.get(learner);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.recognition().url()
                            + "/api/institutions/" + Workload.RECEIVER + "/learners/" + want.learnerId() + "/record"))
                    .timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                    .header("Authorization", recognitionAuthorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return compare(want, null);
            }
            if (response.statusCode() != 200) {
                return Optional.of(want.learnerId() + ": HTTP " + response.statusCode());
            }
            return compare(want, RecordView.of(json.readTree(response.body())));
        } catch (IOException e) {
            return Optional.of(want.learnerId() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(want.learnerId() + ": interrupted");
        }
    }

    /** Empty when the learner's record is exactly as expected; else what differs ("counted twice: ..." when too much). */
    static Optional<String> compare(ExpectedRecord want, RecordView record) {
        if (record == null) {
            return Optional.of(want.learnerId() + ": no record yet");
        }
        Set<String> ids = new HashSet<>();
        List<String> strangers = new ArrayList<>();
        int recognised = 0;
        for (RecordView.Component component : record.components()) {
            String id = component.credentialId();
            if (!ids.add(id)) {
                return Optional.of("counted twice: " + want.learnerId() + " holds credential " + id + " twice");
            }
            if (!want.credentialIds().contains(id)) {
                strangers.add(id);
            }
            recognised += "RECOGNISED".equals(component.status()) ? 1 : 0;
        }
        if (!strangers.isEmpty()) {
            return Optional.of("counted twice: " + want.learnerId() + " holds credentials not issued to it: " + strangers);
        }
        BigDecimal total = record.total();
        if (total.compareTo(want.total()) > 0) {
            return Optional.of("counted twice: " + want.learnerId() + " has " + total.toPlainString() + " ECTS, expected "
                    + want.total().toPlainString());
        }
        if (ids.size() != want.credentialIds().size() || recognised != ids.size() || total.compareTo(want.total()) != 0) {
            return Optional.of(want.learnerId() + ": " + recognised + " recognised of " + ids.size() + " components, "
                    + total.toPlainString() + " ECTS; expected " + want.credentialIds().size() + " and " + want.total().toPlainString());
        }
        for (Map.Entry<String, BigDecimal> course : want.perLocalCourse().entrySet()) {
            BigDecimal held = record.perLocalCourse().getOrDefault(course.getKey(), BigDecimal.ZERO);
            if (held.compareTo(course.getValue()) != 0) {
                return Optional.of(want.learnerId() + ": " + held.toPlainString() + " ECTS as " + course.getKey() + ", expected "
                        + course.getValue().toPlainString());
            }
        }
        return Optional.empty();
    }

    private MongoClient mongo() {
        synchronized (this) {
            if (mongo == null) {
                mongo = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(stack.mongoUri()))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                        .build());
            }
            return mongo;
        }
    }

    /**
     * Of this run's credentials, how many have exactly their expected decision (RECOGNISED at eur.nl with their ECTS)
     * in the issuer's database. Read from its MongoDB in one pass: the issuer's REST API answers one credential at a
     * time, and a query by credential id is a full scan on the MongoDB wire server, so 20,000 GETs would take hours.
     */
    private int issuerDecisions(List<String> mismatches) {
        try {
            boolean[] seen = new boolean[workload.size()];
            int exact = 0;
            for (Document decision : mongo().getDatabase(ServiceProcess.database(ServiceProcess.ISSUER)).getCollection("decisions")
                    .find().projection(Projections.include("credentialId", "receivingInstitution", "outcome", "recognisedCredits"))) {
                Integer index = indexOfCredential.get(decision.getString("credentialId"));
                if (index == null) {
                    continue;
                }
                Object credits = decision.get("recognisedCredits");
                BigDecimal recognised = credits instanceof Decimal128 d ? d.bigDecimalValue() : null;
                if (Workload.RECEIVER.equals(decision.getString("receivingInstitution")) && "RECOGNISED".equals(decision.getString("outcome"))
                        && recognised != null && recognised.compareTo(BigDecimal.valueOf(workload.ects(index))) == 0 && !seen[index]) {
                    seen[index] = true;
                    exact++;
                } else if (mismatches.size() < 3) {
                    mismatches.add("credential " + decision.getString("credentialId") + ": " + decision.getString("outcome") + " "
                            + credits + " at " + decision.getString("receivingInstitution"));
                }
            }
            return exact;
        } catch (RuntimeException e) {
            mismatches.add("the issuer's database could not be read: " + e.getMessage());
            return 0;
        }
    }

    /** A few credentials as the issuer's REST API shows them: published, and recognised with their ECTS. */
    private List<String> restSamples() {
        List<String> found = new ArrayList<>();
        int step = Math.max(1, workload.size() / REST_SAMPLES);
        for (int index = step / 2; index < workload.size(); index += step) {
            String id = workload.credentialId(index).toString();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.issuer().url() + "/api/credentials/" + id))
                        .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").header("Authorization", issuerAuthorization)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = json.readTree(response.body());
                JsonNode recognitions = body.path("recognitions");
                boolean ok = response.statusCode() == 200 && "PUBLISHED".equals(body.path("publication").path("state").asText())
                        && recognitions.size() == 1 && "RECOGNISED".equals(recognitions.get(0).path("outcome").asText())
                        && recognitions.get(0).path("recognisedCredits").decimalValue().compareTo(BigDecimal.valueOf(workload.ects(index))) == 0;
                if (!ok) {
                    found.add("GET /api/credentials/" + id + " at the issuer shows " + response.statusCode() + " " + abbreviate(response.body()));
                }
            } catch (IOException e) {
                found.add("GET /api/credentials/" + id + " at the issuer failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private List<FaultRecord> sortedFaults() {
        synchronized (faults) {
            return faults.stream().sorted(java.util.Comparator.comparingInt(FaultRecord::afterCredentials)).toList();
        }
    }

    private Instant lastAcceptedOrNow() {
        return lastAccepted != null ? lastAccepted : Instant.now();
    }

    private static List<String> deadLetterTopics() {
        return Arrays.stream(ContractTopic.values()).map(ContractTopic::deadLetterTopic).toList();
    }

    private static String describe(List<PlannedFault> planned, int[] thresholds) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < planned.size(); k++) {
            parts.add(planned.get(k).fault().description() + " after " + String.format("%,d", thresholds[k]));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        clients.shutdownNow();
        lag.close();
        if (mongo != null) {
            mongo.close();
        }
    }
}
