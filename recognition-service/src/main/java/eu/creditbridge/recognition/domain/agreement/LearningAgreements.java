package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The learning agreements a receiving institution holds for its learners: the port rules look them up through. */
public interface LearningAgreements {

    /** All agreements of one learner at their home institution, whatever their status. */
    List<LearningAgreement> of(SchacCode homeInstitution, EuropeanStudentIdentifier learner);

    /**
     * The approved component that covers a partner course issued on a date. When two approved agreements list it
     * (a renewed agreement beside the old one), the one with the greatest id wins, so the answer never depends on
     * storage order.
     */
    default Optional<AgreedComponent> componentFor(SchacCode receiving, EuropeanStudentIdentifier learner, SchacCode issuer,
                                                   String courseCode, LocalDate issuedOn) {
        return of(receiving, learner).stream()
                .sorted(Comparator.comparing(LearningAgreement::agreementId).reversed())
                .map(agreement -> agreement.componentFor(issuer, courseCode, issuedOn))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The approved component for a credential: by its course code, else by its title (EWP agreements often name a
     * partner course by title alone).
     */
    default Optional<AgreedComponent> componentFor(SchacCode receiving, EuropeanStudentIdentifier learner, SchacCode issuer,
                                                   Optional<String> courseCode, String title, LocalDate issuedOn) {
        return courseCode.flatMap(code -> componentFor(receiving, learner, issuer, code, issuedOn))
                .or(() -> componentFor(receiving, learner, issuer, title, issuedOn));
    }
}
