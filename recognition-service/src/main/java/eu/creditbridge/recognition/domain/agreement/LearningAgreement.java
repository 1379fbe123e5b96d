package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What home and partner agreed before a learner's mobility, after Erasmus Without Paper's Online Learning
 * Agreement, kept simple: which partner courses will be recognised as which local courses. A component agreed
 * without conditions is the strongest basis for automatic recognition.
 *
 * @param mobilityFrom  first issue date the agreement covers, if it is limited (inclusive)
 * @param mobilityUntil last issue date it covers, if limited (inclusive): results are often issued weeks after
 *                      the mobility ends, so the home institution sets this with that in mind
 * @param tables        an EWP agreement's Table A and Table B (and a pending proposal) when it came as an EWP
 *                      omobility-las document; its components are then derived from them
 */
public record LearningAgreement(
        String agreementId,
        SchacCode homeInstitution,
        EuropeanStudentIdentifier learner,
        SchacCode partnerInstitution,
        AgreementStatus status,
        Optional<LocalDate> mobilityFrom,
        Optional<LocalDate> mobilityUntil,
        List<AgreementComponent> components,
        Optional<AgreementTables> tables) {

    /** An agreement written component by component (the JSON form), with no EWP tables. */
    public LearningAgreement(String agreementId, SchacCode homeInstitution, EuropeanStudentIdentifier learner, SchacCode partnerInstitution,
                             AgreementStatus status, Optional<LocalDate> mobilityFrom, Optional<LocalDate> mobilityUntil,
                             List<AgreementComponent> components) {
        this(agreementId, homeInstitution, learner, partnerInstitution, status, mobilityFrom, mobilityUntil, components, Optional.empty());
    }

    /** An EWP agreement: Table A's partner courses count towards Table B, table to table. */
    public static LearningAgreement ofTables(String agreementId, SchacCode homeInstitution, EuropeanStudentIdentifier learner,
                                             SchacCode partnerInstitution, Optional<LocalDate> mobilityFrom, AgreementTables tables) {
        return new LearningAgreement(agreementId, homeInstitution, learner, partnerInstitution, AgreementStatus.APPROVED, mobilityFrom,
                Optional.empty(), tables.components(agreementId.trim()), Optional.of(tables));
    }

    public LearningAgreement {
        tables = Objects.requireNonNullElse(tables, Optional.empty());
        Objects.requireNonNull(agreementId, "agreement id is required");
        Objects.requireNonNull(homeInstitution, "home institution is required");
        Objects.requireNonNull(learner, "learner is required");
        Objects.requireNonNull(partnerInstitution, "partner institution is required");
        Objects.requireNonNull(status, "status is required");
        mobilityFrom = Objects.requireNonNullElse(mobilityFrom, Optional.empty());
        mobilityUntil = Objects.requireNonNullElse(mobilityUntil, Optional.empty());
        components = List.copyOf(Objects.requireNonNull(components, "components are required"));
        agreementId = agreementId.trim();
        if (!agreementId.matches("[A-Za-z0-9._~-]{1,100}")) {
            throw new IllegalArgumentException("an agreement id is 1 to 100 letters, digits, '.', '_', '~' or '-': '" + agreementId + "'");
        }
        if (partnerInstitution.equals(homeInstitution)) {
            throw new IllegalArgumentException("a learning agreement is with a partner, not with " + homeInstitution + " itself");
        }
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a learning agreement lists at least one component");
        }
        if (mobilityFrom.isPresent() && mobilityUntil.isPresent() && mobilityUntil.get().isBefore(mobilityFrom.get())) {
            throw new IllegalArgumentException("the agreement ends before it starts: " + mobilityFrom.get() + " to " + mobilityUntil.get());
        }
        Set<String> partnerCourses = new HashSet<>();
        for (AgreementComponent component : components) {
            if (!partnerCourses.add(component.partnerCourseCode().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("partner course " + component.partnerCourseCode() + " is listed twice");
            }
        }
    }

    public boolean covers(LocalDate issuedOn) {
        return mobilityFrom.map(from -> !issuedOn.isBefore(from)).orElse(true)
                && mobilityUntil.map(until -> !issuedOn.isAfter(until)).orElse(true);
    }

    /** The approved component for a partner course (by code, else by title) issued on a date, if this agreement has one. */
    public Optional<AgreedComponent> componentFor(SchacCode issuer, Optional<String> courseCode, String title, LocalDate issuedOn) {
        return courseCode.flatMap(code -> componentFor(issuer, code, issuedOn)).or(() -> componentFor(issuer, title, issuedOn));
    }

    /** The approved component for a partner course issued on a date, if this agreement has one. */
    public Optional<AgreedComponent> componentFor(SchacCode issuer, String courseCode, LocalDate issuedOn) {
        if (status != AgreementStatus.APPROVED || !partnerInstitution.equals(issuer) || !covers(issuedOn)) {
            return Optional.empty();
        }
        return components.stream()
                .filter(component -> component.isFor(courseCode))
                .findFirst()
                .map(component -> new AgreedComponent(agreementId, partnerInstitution, component));
    }
}
