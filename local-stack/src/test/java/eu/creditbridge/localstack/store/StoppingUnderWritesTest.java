package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import eu.creditbridge.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop while writes are in flight (as the fault test restarts MongoDB under eight issuing clients) leaves the store
 * consistent: every write the server acknowledged is there after the restart, and every id the store refuses as a
 * duplicate can be read. Written while chasing ChaosTest's credentials lost across a MongoDB restart under load (the
 * issuer answered a retry 200, "already stored", and the credential was gone at the end); this in-process stop does not
 * reproduce that loss, so its cause is still open.
 */
class StoppingUnderWritesTest {

    private static final int WRITERS = 8;
    private static final int STOP_AFTER_ACKNOWLEDGED = 400;

    @TempDir
    Path dir;

    @Test
    void aStopDuringWritesKeepsEveryAcknowledgedWriteAndNoHalfWrittenOne() throws Exception {
        String file = dir.resolve("stopped.mv").toString();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        MongoServer server = new MongoServer(new IndexedH2Backend(file));
        server.bind(LocalPorts.HOST, 0);
        String uri = "mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort()
                + "/?retryWrites=false&serverSelectionTimeoutMS=500&connectTimeoutMS=500";
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicInteger next = new AtomicInteger();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> credentials = client.getDatabase("creditbridge-issuer").getCollection("credentials");
            credentials.createIndex(Indexes.ascending("outbox.pending", "issuedAt"));
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String id = "credential-" + next.incrementAndGet();
                        attempted.add(id);
                        try {
                            credentials.insertOne(new Document("_id", id).append("outbox", new Document("pending", true))
                                    .append("issuedAt", i).append("body", "x".repeat(1_500)));
                            acknowledged.add(id);
                        } catch (MongoException stopped) {
                            return;
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < STOP_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            server.shutdownNow();
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        IndexedH2Backend reopened = new IndexedH2Backend(file);
        MongoServer again = new MongoServer(reopened);
        again.bind(LocalPorts.HOST, 0);
        try (MongoClient client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + again.getLocalAddress().getPort())) {
            MongoCollection<Document> credentials = client.getDatabase("creditbridge-issuer").getCollection("credentials");
            List<String> halfKept = new ArrayList<>();
            for (String id : attempted) {
                boolean readable = credentials.find(Filters.eq("_id", id)).first() != null;
                boolean taken;
                try {
                    credentials.insertOne(new Document("_id", id).append("outbox", new Document("pending", true)).append("issuedAt", -1));
                    taken = false;
                    credentials.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("issuedAt", -1)));
                } catch (MongoException duplicate) {
                    taken = true;
                }
                if (taken != readable) {
                    halfKept.add(id + (taken ? " refused as a duplicate but not readable" : " readable but its id free"));
                }
                if (acknowledged.contains(id) && !readable) {
                    halfKept.add(id + " acknowledged but lost");
                }
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(STOP_AFTER_ACKNOWLEDGED);
            assertThat(halfKept).isEmpty();
        } finally {
            again.shutdownNow();
        }
    }
}
