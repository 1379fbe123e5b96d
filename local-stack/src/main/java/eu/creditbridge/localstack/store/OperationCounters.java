package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MongoDB's {@code serverStatus.opcounters}, which mongo-java-server does not keep: the write statements the server
 * received since it started, each document of an insert, each statement of an update or delete. One departure, for
 * what the counters are read for here (the documents one credential writes, {@code ./creditbridge bench}): a
 * {@code findAndModify} counts as the update or delete it is, where MongoDB counts it as a command.
 */
final class OperationCounters {

    private final AtomicLong inserts = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();

    void count(String command, Document body) {
        switch (command) {
            case "insert" -> inserts.addAndGet(size(body.get("documents")));
            case "update" -> updates.addAndGet(size(body.get("updates")));
            case "delete" -> deletes.addAndGet(size(body.get("deletes")));
            case "findAndModify", "findandmodify" -> (Boolean.TRUE.equals(body.get("remove")) ? deletes : updates).incrementAndGet();
            default -> commands.incrementAndGet();
        }
    }

    private static long size(Object statements) {
        return statements instanceof List<?> list ? list.size() : 0;
    }

    /** As MongoDB shows them under {@code opcounters} (reads are not counted: {@code query} and {@code getmore} stay 0). */
    Document asDocument() {
        return new Document("insert", inserts.get()).append("query", 0L).append("update", updates.get()).append("delete", deletes.get())
                .append("getmore", 0L).append("command", commands.get());
    }
}
