package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.domain.AwardingBody;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.Grade;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.IscedFieldCode;
import eu.creditbridge.issuer.domain.LearnerIdentification;
import eu.creditbridge.issuer.domain.LearningOutcome;
import eu.creditbridge.issuer.domain.Stackability;
import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EqfLevel;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A posted {@link CredentialBody} to a domain {@link Credential}, naming every bad field at once. */
public final class CredentialBodyMapping {

    private CredentialBodyMapping() {
    }

    /** @throws InvalidRequest listing every field that breaks a rule */
    public static Credential toCredential(CredentialBody body) {
        var checks = new FieldChecks();
        var id = body.credentialId() == null ? CredentialId.random() : new CredentialId(body.credentialId());
        var issuing = checks.required("issuingInstitution", body.issuingInstitution(), SchacCode::of);
        var learner = learner(checks, body.learner());
        var countries = list(checks, "issuerCountries", body.issuerCountries(),
                (path, code) -> checks.required(path, code, CountryCode::of));
        var bodies = list(checks, "awardingBodies", body.awardingBodies(), (path, b) -> awardingBody(checks, path, b));
        if (body.issuedOn() == null) {
            checks.missing("issuedOn");
        }
        var outcomes = list(checks, "learningOutcomes", body.learningOutcomes(),
                (path, o) -> checks.required(path, o, x -> new LearningOutcome(x.description(), x.escoSkill())));
        var ects = checks.required("ectsCredits", body.ectsCredits(), EctsCredits::ofCredential);
        var eqf = checks.optional("eqfLevel", body.eqfLevel(), EqfLevel::of);
        var isced = checks.optional("iscedFieldCode", body.iscedFieldCode(), IscedFieldCode::new);
        var grade = checks.optional("grade", body.grade(), g -> {
            if (g.passed() == null) {
                throw new InvalidValueException("passed", "is required: whether the grade passes in its scheme");
            }
            return new Grade(g.value(), g.scheme(), g.passed());
        });
        var stackability = checks.optional("stackability", body.stackability(), s -> {
            if (s.standAlone() == null) {
                throw new InvalidValueException("standAlone", "is required");
            }
            return new Stackability(s.standAlone(), s.stackableTowards());
        });
        if (body.title() == null) {
            checks.missing("title");
        }
        if (body.assessmentType() == null) {
            checks.missing("assessmentType");
        }
        if (body.participationForm() == null) {
            checks.missing("participationForm");
        }
        if (body.qualityAssurance() == null) {
            checks.missing("qualityAssurance");
        }
        try {
            var credential = new Credential(id, issuing, learner, body.title(), body.sourceCourseCode(), countries, bodies,
                    body.issuedOn(), outcomes, ects, body.notionalHours(), eqf, body.qfEheaCycle(), isced,
                    body.assessmentType(), body.participationForm(), body.qualityAssurance(), body.prerequisites(),
                    body.identityVerification(), grade, stackability, body.furtherInformation());
            checks.throwIfAny();
            return credential;
        } catch (InvalidValueException e) {
            // Rules across fields; those about fields already reported would only repeat them.
            checks.add("", e);
            checks.throwIfAny();
            throw e;
        }
    }

    private static LearnerIdentification learner(FieldChecks checks, CredentialBody.Learner learner) {
        if (learner == null) {
            checks.missing("learner");
            return null;
        }
        var esi = checks.required("learner.europeanStudentIdentifier", learner.europeanStudentIdentifier(),
                EuropeanStudentIdentifier::of);
        var home = checks.required("learner.homeInstitution", learner.homeInstitution(), SchacCode::of);
        if (esi == null || home == null) {
            return null;
        }
        return checks.optional("learner", learner, l -> new LearnerIdentification(esi, home, l.fullName()));
    }

    private static AwardingBody awardingBody(FieldChecks checks, String path, CredentialBody.AwardingBody body) {
        if (body == null) {
            checks.missing(path);
            return null;
        }
        var schac = checks.required(path + ".schacCode", body.schacCode(), SchacCode::of);
        if (schac == null) {
            return null;
        }
        return checks.optional(path, body, b -> new AwardingBody(schac, b.name()));
    }

    /** Maps each element with its own path; a missing or partly invalid list yields what was valid. */
    private static <R, T> List<T> list(FieldChecks checks, String path, List<R> raw, BiFunction<String, R, T> element) {
        if (raw == null) {
            return null;
        }
        var mapped = new ArrayList<T>();
        for (int i = 0; i < raw.size(); i++) {
            T value = element.apply(path + "[" + i + "]", raw.get(i));
            if (value != null) {
                mapped.add(value);
            }
        }
        return mapped;
    }
}
