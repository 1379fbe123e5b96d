package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Query answers in batches of at most 16 MiB, as MongoDB sends them. The library answers a find with every match in
 * one reply unless the client set a batch size (the driver does not by default), and the driver refuses a reply over
 * 48 MB: "The reply message length 51076288 is greater than the maximum message length 48000000" (the bench reading
 * the learner records of 10,000 learners). A query's first reply, and each getMore without a batch size, now take
 * documents while they fit in 16 MiB (at least one), sized by the same quick estimate the page cache uses; the rest wait
 * in a cursor, as on a real server.
 */
final class ReplyBatches {

    static final long MAX_BATCH_BYTES = 16L * 1024 * 1024;

    private ReplyBatches() {
    }

    /** How many of {@code documents}, from {@code from} on, one reply carries: at least one, up to 16 MiB. */
    static int fitting(List<Document> documents, int from) {
        long bytes = 0;
        int count = 0;
        for (int i = from; i < documents.size(); i++) {
            bytes += BsonDocumentType.estimate(documents.get(i));
            if (count > 0 && bytes > MAX_BATCH_BYTES) {
                break;
            }
            count++;
        }
        return count;
    }

    /** The rest of a query's matches, handed out a batch at a time. */
    static final class BatchedCursor extends AbstractCursor {

        private final List<Document> documents;
        private int next;

        BatchedCursor(long id, List<Document> remaining) {
            super(id);
            this.documents = remaining;
        }

        @Override
        public synchronized boolean isEmpty() {
            return next >= documents.size();
        }

        /** {@code batchSize} documents, or without one (0) as many as fit in 16 MiB. */
        @Override
        public synchronized List<Document> takeDocuments(int batchSize) {
            int count = batchSize > 0 ? Math.min(batchSize, documents.size() - next) : fitting(documents, next);
            List<Document> batch = List.copyOf(documents.subList(next, next + count));
            next += count;
            return batch;
        }
    }
}
