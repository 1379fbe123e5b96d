package eu.creditbridge.localstack.chaos;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.MachineAccountsFile;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.StackComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The fault test of the whole system, for {@code ./creditbridge chaos} and the system tests alike: credentials issued
 * through issuer-service's REST API by a few concurrent clients, to many learners, while recognition-service and
 * issuer-service are killed with SIGKILL and the Kafka broker is restarted; then every learner record is compared
 * with the totals the demo rules must give (see {@link Workload}), the consumer groups' lag must be back to zero and
 * the issuer must hold every credential's decision.
 *
 * <p>In three steps, so a test can await with its own tools: {@link #stream()}, then {@link #observe()} until
 * {@link Convergence#converged()}, then {@link #verify()}. {@link #run()} does all three with a deadline loop.
 *
 * <p>This class only orchestrates its parts: {@link CredentialStream} (the clients, through {@link IssuerApi} and its
 * retries), {@link FaultSchedule} (which fault when, and the restarts), {@link LagSampler}, {@link ConvergenceWatch}
 * (the convergence rule) and {@link Verification} (the checks, reading the services' outcome through their APIs and
 * {@link StoredOutcomes}).
 */
public final class ChaosRun implements AutoCloseable {

    /** The consumer groups whose lag must return to zero: recognition's (credentials) and the issuer's (decisions). */
    public static final List<String> GROUPS = List.of(ServiceProcess.RECOGNITION, ServiceProcess.ISSUER);

    private final LocalStack stack;
    private final ChaosPlan plan;
    private final Consumer<String> log;
    private final Workload workload;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final ConsumerLag lag;
    private final StoredOutcomes stored;
    private final ExecutorService clients;
    private final IssuerApi issuer;
    private final CredentialStream credentials;
    private final FaultSchedule schedule;
    private final LagSampler sampler;
    private final Verification verification;
    private final ConvergenceWatch convergence;
    private volatile Instant started;

    public ChaosRun(LocalStack stack, ChaosPlan plan, Consumer<String> log) {
        this.stack = stack;
        this.plan = plan;
        this.log = log;
        this.workload = new Workload(plan);
        // The issuing university's and the receiving university's own student-information systems, as in production.
        this.issuer = new IssuerApi(new ServiceApi(() -> stack.issuer().url(),
                stack.machineAccounts().basic(MachineAccountsFile.systemOf(Workload.ISSUER))));
        RecognitionApi recognition = new RecognitionApi(new ServiceApi(() -> stack.recognition().url(),
                stack.machineAccounts().basic(MachineAccountsFile.systemOf(Workload.RECEIVER))));
        this.lag = new ConsumerLag(stack.kafkaAdminConfig());
        this.stored = new StoredOutcomes(stack.mongoUri());
        this.clients = Executors.newFixedThreadPool(plan.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "chaos-client");
            thread.setDaemon(true);
            return thread;
        });
        this.credentials = new CredentialStream(workload, issuer, clients, plan.concurrency(), log, problems::add);
        this.schedule = new FaultSchedule(plan, FaultTarget.of(stack), log, problems::add);
        this.sampler = new LagSampler(lag, GROUPS);
        this.verification = new Verification(workload, GROUPS, lag, stored, issuer, recognition, clients);
        this.convergence = new ConvergenceWatch(verification.expected(), workload.size(), GROUPS, verification);
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
        verification.countDeadLettersBefore(problems);
        sampler.start();
        log.accept(String.format("Issuing %,d credentials to %,d learners (run %s) with %d clients; faults: %s", plan.credentials(),
                plan.learners(), runId(), plan.concurrency(), schedule.describe()));
        List<Future<?>> workers = credentials.start(started, schedule::awaitTurn);
        try {
            schedule.strikeInTurn(credentials::done);
            for (Future<?> worker : workers) {
                worker.get();
            }
            schedule.awaitRecoveries();
        } catch (Exception e) {
            problems.add("the stream broke off: " + e);
            schedule.openEveryGate();
        } finally {
            restartWhatIsDown();
        }
        log.accept(String.format("All %,d credentials accepted in %.1f s; waiting for the pipeline to catch up", credentials.accepted(),
                Duration.between(started, credentials.lastAcceptedOrNow()).toMillis() / 1000.0));
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

    /** One look at the pipeline (see {@link ConvergenceWatch}). */
    public Convergence observe() {
        return convergence.observe();
    }

    /** The last word: every check once more (see {@link Verification}), and the figures. */
    public ChaosResult verify() {
        Instant end = convergence.convergedAt().orElseGet(Instant::now);
        Verification.Findings findings = verification.verify(List.copyOf(problems));
        Instant recovered = schedule.lastRecovered().orElse(started);
        return new ChaosResult(workload.size(), plan.learners(), plan.concurrency(),
                Duration.between(started, credentials.lastAcceptedOrNow()), Duration.between(started, end), Duration.between(recovered, end),
                schedule.struck(), issuer.retried(), issuer.repeated(), sampler.highest(), findings.deadLetters(),
                findings.learnersMatching(), findings.decisionsAtIssuer(), findings.problems());
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

    @Override
    public void close() {
        sampler.close();
        clients.shutdownNow();
        lag.close();
        stored.close();
    }
}
