package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import eu.creditbridge.localstack.LocalPorts;
import eu.creditbridge.localstack.MongoWireServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded MongoDB keeps when its process dies: a write acknowledged with {@code j: true} survives a
 * {@code kill -9} sent right after the answer; every acknowledged write survives a normal stop (SIGTERM). The server
 * runs as its own process, as in the stack, so the kill is real.
 */
class KilledStoreTest {

    @TempDir
    Path dir;

    @Test
    void journaledWritesSurviveAKillNineSentRightAfterTheirAcknowledgement() throws Exception {
        Path file = dir.resolve("killed.mv");
        Process server = startServer(file);
        try (MongoClient client = MongoClients.create(uriOf(server))) {
            MongoCollection<Document> records = client.getDatabase("creditbridge-recognition").getCollection("records")
                    .withWriteConcern(WriteConcern.JOURNALED);
            for (int i = 0; i < 300; i++) {
                records.insertOne(new Document("_id", "learner-" + i).append("ects", 6));
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        IndexedH2Backend reopened = new IndexedH2Backend(file.toString());
        assertThat(reopened.documentCount()).isEqualTo(300);
        reopened.close();
    }

    @Test
    void everyAcknowledgedWriteSurvivesANormalStop() throws Exception {
        Path file = dir.resolve("stopped.mv");
        Process server = startServer(file);
        try (MongoClient client = MongoClients.create(uriOf(server))) {
            MongoCollection<Document> records = client.getDatabase("creditbridge-recognition").getCollection("records");
            for (int i = 0; i < 300; i++) {
                records.insertOne(new Document("_id", "learner-" + i).append("ects", 6));
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        IndexedH2Backend reopened = new IndexedH2Backend(file.toString());
        assertThat(reopened.documentCount()).isEqualTo(300);
        reopened.close();
    }

    private final java.util.Map<Process, Integer> ports = new java.util.HashMap<>();

    private Process startServer(Path file) throws IOException {
        int port = LocalPorts.freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                MongoWireServer.class.getName(), "--port", Integer.toString(port), "--file", file.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(file.getFileName() + ".log").toFile()).start();
        ports.put(process, port);
        Path opened = file.resolveSibling(StoreOpened.FILE_NAME);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(opened) || !process.isAlive());
        assertThat(process.isAlive()).as("the server runs (log: %s)", dir.resolve(file.getFileName() + ".log")).isTrue();
        return process;
    }

    private String uriOf(Process process) {
        return "mongodb://" + LocalPorts.HOST + ":" + ports.get(process);
    }
}
