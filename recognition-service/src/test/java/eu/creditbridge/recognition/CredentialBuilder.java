package eu.creditbridge.recognition;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Grade;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Data Science (FEB22012, 5 ECTS, grade 8 of 10) from Rotterdam for Anna at Lodz, unless told otherwise. */
public final class CredentialBuilder {

    private UUID credentialId = UUID.randomUUID();
    private SchacCode issuer = Fixtures.ROTTERDAM;
    private EuropeanStudentIdentifier learner = Fixtures.ANNA;
    private SchacCode home = Fixtures.LODZ;
    private String title = "Data Science";
    private String courseCode = "FEB22012";
    private LocalDate issuedOn = Fixtures.ISSUED_ON;
    private EctsCredits credits = EctsCredits.of("5");
    private Grade grade = Fixtures.dutchEight();
    private String signature;

    public CredentialBuilder id(UUID id) {
        this.credentialId = id;
        return this;
    }

    public CredentialBuilder issuedBy(SchacCode issuer) {
        this.issuer = issuer;
        return this;
    }

    public CredentialBuilder learner(EuropeanStudentIdentifier learner) {
        this.learner = learner;
        return this;
    }

    public CredentialBuilder home(SchacCode home) {
        this.home = home;
        return this;
    }

    public CredentialBuilder title(String title) {
        this.title = title;
        return this;
    }

    public CredentialBuilder courseCode(String courseCode) {
        this.courseCode = courseCode;
        return this;
    }

    public CredentialBuilder issuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
        return this;
    }

    public CredentialBuilder credits(String credits) {
        this.credits = EctsCredits.of(credits);
        return this;
    }

    public CredentialBuilder grade(Grade grade) {
        this.grade = grade;
        return this;
    }

    /** A detached JWS; tests that stub verification need only its header's key id (see {@link TrustFixtures#signatureWithKeyId}). */
    public CredentialBuilder signature(String signature) {
        this.signature = signature;
        return this;
    }

    public Credential build() {
        return new Credential(credentialId, issuer, learner, home, title, Optional.ofNullable(courseCode), issuedOn, credits,
                Optional.of(6), Optional.ofNullable(grade), Optional.ofNullable(signature));
    }
}
