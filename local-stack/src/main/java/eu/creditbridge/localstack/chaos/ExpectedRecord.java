package eu.creditbridge.localstack.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one learner's record must hold at the end of a run: these credentials, these totals, nothing else. */
record ExpectedRecord(String learnerId, BigDecimal total, Map<String, BigDecimal> perLocalCourse, Set<String> credentialIds) {

    /** What starts the difference of a record that holds more than it should, which never comes right again. */
    static final String COUNTED_TWICE = "counted twice";

    /** Empty when the record is exactly as expected; else what differs ("counted twice: ..." when too much). */
    Optional<String> differenceFrom(LearnerRecord record) {
        if (record == null) {
            return Optional.of(learnerId + ": no record yet");
        }
        Set<String> ids = new HashSet<>();
        List<String> strangers = new ArrayList<>();
        int recognised = 0;
        for (LearnerRecord.Component component : record.components()) {
            String id = component.credentialId();
            if (!ids.add(id)) {
                return Optional.of(COUNTED_TWICE + ": " + learnerId + " holds credential " + id + " twice");
            }
            if (!credentialIds.contains(id)) {
                strangers.add(id);
            }
            recognised += "RECOGNISED".equals(component.status()) ? 1 : 0;
        }
        if (!strangers.isEmpty()) {
            return Optional.of(COUNTED_TWICE + ": " + learnerId + " holds credentials not issued to it: " + strangers);
        }
        BigDecimal held = record.total();
        if (held.compareTo(total) > 0) {
            return Optional.of(COUNTED_TWICE + ": " + learnerId + " has " + held.toPlainString() + " ECTS, expected " + total.toPlainString());
        }
        if (ids.size() != credentialIds.size() || recognised != ids.size() || held.compareTo(total) != 0) {
            return Optional.of(learnerId + ": " + recognised + " recognised of " + ids.size() + " components, "
                    + held.toPlainString() + " ECTS; expected " + credentialIds.size() + " and " + total.toPlainString());
        }
        for (Map.Entry<String, BigDecimal> course : perLocalCourse.entrySet()) {
            BigDecimal asCourse = record.perLocalCourse().getOrDefault(course.getKey(), BigDecimal.ZERO);
            if (asCourse.compareTo(course.getValue()) != 0) {
                return Optional.of(learnerId + ": " + asCourse.toPlainString() + " ECTS as " + course.getKey() + ", expected "
                        + course.getValue().toPlainString());
            }
        }
        return Optional.empty();
    }
}
