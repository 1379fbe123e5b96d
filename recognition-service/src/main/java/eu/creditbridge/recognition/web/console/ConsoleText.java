package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.Grade;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes dates and grades for people. */
final class ConsoleText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ConsoleText() {
    }

    static String date(Instant at) {
        return DAY.format(at);
    }

    static String moment(Instant at) {
        return MOMENT.format(at);
    }

    /** 5, 2.5, 7.25: credits as people write them, without trailing zeros. */
    static String ects(EctsCredits credits) {
        return credits.value().stripTrailingZeros().toPlainString();
    }

    static String grade(Grade grade) {
        return grade.value() + " (" + grade.scheme() + (grade.passed() ? "" : ", not passed") + ")";
    }
}
