package eu.creditbridge.recognition.store;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.TargetKind;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;

/** BSON shapes shared by the collections: credits as Decimal128 (exact sums), times as BSON dates. */
final class Documents {

    private Documents() {
    }

    static Decimal128 credits(EctsCredits credits) {
        return new Decimal128(credits.value());
    }

    /** A sum of credits, which may exceed one credential's range (several components added at once). */
    static Decimal128 credits(long hundredths) {
        return new Decimal128(java.math.BigDecimal.valueOf(hundredths, 2));
    }

    static Decimal128 negated(EctsCredits credits) {
        return new Decimal128(credits.value().negate());
    }

    static EctsCredits credits(Object stored) {
        if (stored == null) {
            return EctsCredits.ZERO;
        }
        if (stored instanceof Decimal128 decimal) {
            return new EctsCredits(decimal.bigDecimalValue());
        }
        // A plain number rather than the Decimal128 this service writes: rounded half-up, as any number not known to be exact.
        return EctsCredits.rounded(new java.math.BigDecimal(stored.toString()));
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }

    static Instant instant(Date date) {
        return date.toInstant();
    }

    static Document target(RecognitionTarget target) {
        return new Document("kind", target.kind().name()).append("code", target.code()).append("title", target.title().orElse(null));
    }

    static RecognitionTarget target(Document stored) {
        return new RecognitionTarget(TargetKind.valueOf(stored.getString("kind")), stored.getString("code"),
                Optional.ofNullable(stored.getString("title")));
    }

    static Document grade(Grade grade) {
        return new Document("value", grade.value()).append("scheme", grade.scheme()).append("passed", grade.passed());
    }

    static Optional<Grade> grade(Document stored) {
        return Optional.ofNullable(stored).map(doc -> new Grade(doc.getString("value"), doc.getString("scheme"), doc.getBoolean("passed", false)));
    }

    /** Writes the conversion's three parts into the given document, flat, as the contract names them. */
    static Document withGrade(Document into, GradeConversion conversion) {
        return into.append("originalGrade", conversion.original().map(Documents::grade).orElse(null))
                .append("convertedGrade", conversion.converted().map(Documents::grade).orElse(null))
                .append("conversionMethod", conversion.method().name());
    }

    static GradeConversion gradeConversion(Document stored) {
        return new GradeConversion(grade(stored.get("originalGrade", Document.class)), grade(stored.get("convertedGrade", Document.class)),
                ConversionMethod.valueOf(stored.getString("conversionMethod")));
    }

    /**
     * Category names and course codes become field names of the totals; a '.' or '$' in them would be read
     * as a path or an operator, so they are percent-encoded ('%' first, so decoding is exact).
     */
    static String fieldName(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String key(String fieldName) {
        return fieldName.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /** MongoDB's error code for a duplicate key, in a write error of a bulk write as in a single write. */
    static final int DUPLICATE_KEY = 11000;

    /**
     * Runs an unordered bulk write and returns the positions that collided on a unique key (stored already: a repeat, or a
     * race another writer won); any other write error is thrown.
     */
    static java.util.Set<Integer> duplicatesIn(Runnable unorderedBulkWrite) {
        try {
            unorderedBulkWrite.run();
            return java.util.Set.of();
        } catch (com.mongodb.MongoBulkWriteException e) {
            java.util.Set<Integer> duplicates = new java.util.TreeSet<>();
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            return duplicates;
        }
    }

    static boolean isDuplicateKey(com.mongodb.MongoException e) {
        return e.getCode() == DUPLICATE_KEY
                || (e instanceof com.mongodb.MongoWriteException write && write.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY);
    }
}
