package eu.creditbridge.recognition.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ReviewQueriesIndexesTest {

    @Test
    void aStoreFromAnEarlierVersionLosesTheIndexesNoQueryUsesAndKeepsTheQueues() {
        MongoDatabase database = InProcessMongo.shared().freshDatabase();
        MongoCollection<Document> decisions = database.getCollection(MongoDecisionStore.COLLECTION);
        decisions.createIndex(Indexes.ascending("receivingInstitution", "credential.sourceCourseCode"), new IndexOptions().name("by-course-code"));
        decisions.createIndex(Indexes.ascending("receivingInstitution", "target.code"), new IndexOptions().name("by-target"));

        new MongoReviewQueries(database);
        new MongoReviewQueries(database);   // a restart, or a second instance: nothing left to drop, nothing fails

        List<String> names = new ArrayList<>();
        decisions.listIndexes().forEach(index -> names.add(index.getString("name")));
        assertThat(names).doesNotContainAnyElementsOf(MongoReviewQueries.RETIRED_INDEXES)
                .contains("queue-by-outcome", "queue-by-partner", "by-institution-age");
    }
}
