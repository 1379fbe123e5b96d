package eu.creditbridge.registry.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Recognising the one write failure the stores expect: a unique index refusing a duplicate. */
final class Writes {

    private Writes() {
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
