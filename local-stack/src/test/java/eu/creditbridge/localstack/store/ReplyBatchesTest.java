package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import eu.creditbridge.localstack.LocalPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A query whose matches exceed what one reply may carry is answered in batches, as MongoDB answers it. */
class ReplyBatchesTest {

    /* 60 documents of 1 MB: 60 MB, over the driver's 48 MB limit for one reply. */
    private static final int DOCUMENTS = 60;
    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    private final List<Integer> documentsPerReply = new ArrayList<>();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> records;

    @BeforeEach
    void storeOfSixtyMegabytes() {
        server = new MongoServer(new IndexedH2Backend(null));
        server.bind(LocalPorts.HOST, 0);
        CommandListener replies = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                BsonDocument cursor = event.getResponse().getDocument("cursor", null);
                if (cursor != null) {
                    documentsPerReply.add(cursor.getArray(cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch").size());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort()))
                .addCommandListener(replies).build());
        records = client.getDatabase("creditbridge-recognition").getCollection("learnerRecords");
        for (int i = 0; i < DOCUMENTS; i++) {
            records.insertOne(new Document("_id", "record-" + i).append("institution", "eur.nl").append("history", MEGABYTE));
        }
        documentsPerReply.clear();
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aFindOfSixtyMegabytesComesInRepliesOfAtMostSixteenMebibytes() {
        List<String> ids = new ArrayList<>();
        records.find(new Document("institution", "eur.nl")).forEach(record -> ids.add(record.getString("_id")));

        assertThat(ids).containsExactlyInAnyOrderElementsOf(IntStream.range(0, DOCUMENTS).mapToObj(i -> "record-" + i).toList());
        assertThat(documentsPerReply).hasSizeGreaterThan(3).allSatisfy(documents -> assertThat(documents).isBetween(1, 16));
        assertThat(documentsPerReply.stream().mapToInt(Integer::intValue).sum()).isEqualTo(DOCUMENTS);
    }

    @Test
    void aClientsOwnBatchSizeIsKept() {
        List<Document> all = records.find().batchSize(7).into(new ArrayList<>());

        assertThat(all).hasSize(DOCUMENTS);
        assertThat(documentsPerReply).startsWith(7, 7, 7).endsWith(DOCUMENTS % 7);
    }
}
