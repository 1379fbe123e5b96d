package eu.creditbridge.registry.store;

import java.time.LocalDate;
import java.util.Date;
import java.time.Instant;

/** Calendar dates are stored as ISO strings (they sort and read well); instants as BSON dates. */
final class Dates {

    private Dates() {
    }

    static String write(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate read(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    static Date write(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant read(Date date) {
        return date == null ? null : date.toInstant();
    }
}
