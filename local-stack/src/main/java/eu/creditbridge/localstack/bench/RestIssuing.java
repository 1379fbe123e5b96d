package eu.creditbridge.localstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.MachineAccountsFile;
import eu.creditbridge.localstack.chaos.ChaosPlan;
import eu.creditbridge.localstack.chaos.IssuerApi;
import eu.creditbridge.localstack.chaos.ServiceApi;
import eu.creditbridge.localstack.chaos.Workload;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Issuing through issuer-service's REST API as the University of Lodz's student-information system does (its machine
 * account, HTTP Basic): the chaos run's credentials, one POST each from a few concurrent clients; then, if the issuer
 * has it, {@code POST /api/credentials/batch} with up to 1,000 per request. Whether it has it is read from the issuer's
 * own OpenAPI document at run time, so the bench measures the endpoint from the day it is merged.
 */
final class RestIssuing {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BATCH_PATH = "/api/credentials/batch";
    static final int BATCH_SIZE = 1_000;

    /** One way of issuing: how many were accepted, in how long, and what else the issuer answered. */
    record Result(String how, int offered, int accepted, Duration took, List<String> refusals) {
        double perSecond() {
            return Figures.perSecond(accepted, took);
        }
    }

    private final ServiceApi api;
    private final IssuerApi issuer;

    RestIssuing(LocalStack stack) {
        this.api = new ServiceApi(() -> stack.issuer().url(),
                stack.machineAccounts().basic(MachineAccountsFile.systemOf(Workload.ISSUER)));
        this.issuer = new IssuerApi(api);
    }

    Result single(int credentials, int clients, Consumer<String> out) {
        Workload workload = new Workload(ChaosPlan.of(credentials, Math.max(1, credentials / 10)));
        out.accept(String.format("  REST: %,d single POST /api/credentials from %d clients ...", credentials, clients));
        AtomicInteger accepted = new AtomicInteger();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        inParallel(clients, credentials, index -> {
            Optional<String> refused = issuer.issue(workload.credentialId(index), workload.json(index));
            if (refused.isEmpty()) {
                accepted.incrementAndGet();
            } else {
                refusals.add(refused.get());
            }
        });
        Result result = new Result("single POST /api/credentials, " + clients + " clients", credentials, accepted.get(),
                Duration.between(start, Instant.now()), first(refusals));
        out.accept(String.format("    %,d accepted in %s: %s", result.accepted(), Figures.seconds(result.took()), Figures.rate(result.perSecond())));
        return result;
    }

    /** Whether the running issuer documents the bulk endpoint in its OpenAPI description. */
    boolean hasBatchEndpoint() {
        try {
            HttpResponse<String> docs = api.get("/v3/api-docs");
            return docs.statusCode() == 200 && docs.body().contains("\"" + BATCH_PATH + "\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The same credentials in JSON arrays of up to 1,000, one request at a time per client. A 2xx answer counts every
     * item of the request as accepted unless the answer lists problems: per item, the issue asks for the credential id
     * or an RFC 9457 problem, so items answered with a {@code "status"} of 400 or more are counted as refused.
     */
    Result batch(int credentials, int clients, Consumer<String> out) {
        Workload workload = new Workload(ChaosPlan.of(credentials, Math.max(1, credentials / 10)));
        int requests = (credentials + BATCH_SIZE - 1) / BATCH_SIZE;
        out.accept(String.format("  REST: %,d credentials in %,d POST %s of up to %,d, %d clients ...", credentials, requests, BATCH_PATH,
                BATCH_SIZE, clients));
        AtomicInteger accepted = new AtomicInteger();
        Map<String, Integer> answers = new TreeMap<>();
        Instant start = Instant.now();
        inParallel(clients, requests, request -> {
            int from = request * BATCH_SIZE;
            int to = Math.min(credentials, from + BATCH_SIZE);
            StringBuilder body = new StringBuilder("[");
            for (int index = from; index < to; index++) {
                body.append(index == from ? "" : ",").append(workload.json(index));
            }
            HttpResponse<String> response = api.send(api.post(BATCH_PATH, body.append(']').toString()));
            int refused = response.statusCode() / 100 == 2 ? countProblems(response.body()) : to - from;
            accepted.addAndGet(to - from - refused);
            synchronized (answers) {
                answers.merge("HTTP " + response.statusCode(), 1, Integer::sum);
            }
        });
        Result result = new Result("POST " + BATCH_PATH + " of " + BATCH_SIZE + ", " + Math.min(clients, requests) + " clients", credentials,
                accepted.get(), Duration.between(start, Instant.now()), List.of("answers: " + answers));
        out.accept(String.format("    %,d accepted in %s: %s (%s)", result.accepted(), Figures.seconds(result.took()),
                Figures.rate(result.perSecond()), answers));
        return result;
    }

    /** A task of the clients: one credential, or one request of many. */
    @FunctionalInterface
    private interface ClientTask {
        void run(int index) throws IOException, InterruptedException;
    }

    /** Tasks {@code 0..tasks-1} shared out among {@code clients} threads, each taking the next until none is left. */
    private static void inParallel(int clients, int tasks, ClientTask task) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(clients, tasks)));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < Math.min(clients, tasks); c++) {
                workers.add(pool.submit(() -> {
                    for (int index = next.getAndIncrement(); index < tasks; index = next.getAndIncrement()) {
                        task.run(index);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a REST client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Items of a batch answer that are problems: objects anywhere in it with an RFC 9457 {@code "status"} of 400 or more. */
    static int countProblems(String body) {
        try {
            return (int) JSON.readTree(body).findValues("status").stream().filter(status -> status.isInt() && status.asInt() >= 400).count();
        } catch (IOException unreadable) {
            return 0;   // a 2xx without a JSON body: nothing says an item was refused
        }
    }

    private static List<String> first(List<String> refusals) {
        synchronized (refusals) {
            return List.copyOf(refusals.subList(0, Math.min(5, refusals.size())));
        }
    }
}
