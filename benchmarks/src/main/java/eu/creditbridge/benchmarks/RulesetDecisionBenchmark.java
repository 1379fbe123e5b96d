package eu.creditbridge.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.MembershipStatus;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.rules.RulesetPolicy;
import eu.creditbridge.recognition.trust.JwsSignatureVerification;
import eu.creditbridge.rules.RuleFinding;
import eu.creditbridge.rules.RulesetAnalysis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decisions per second of recognition-service's {@link RulesetPolicy} for one ruleset of 50 CEL rules: a University of
 * Lodz course result (a UNIC partner) decided for Erasmus University Rotterdam, every rule evaluated for the trace.
 * "With signature verification" adds what the pipeline does before deciding: the detached JWS (EdDSA/Ed25519) checked by
 * {@link JwsSignatureVerification} against the key the registry lists for the issuer. Kafka and MongoDB are not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulesetDecisionBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final SchacCode ROTTERDAM = SchacCode.of("eur.nl");
    private static final SchacCode LODZ = SchacCode.of("uni.lodz.pl");

    private RulesetPolicy policy;
    private JwsSignatureVerification verification;
    private Credential credential;
    private Institution receiver;
    private Optional<Institution> issuer;
    private Optional<Ruleset> ruleset;
    private SignatureVerdict alreadyVerified;

    @Setup
    public void prepare() throws Exception {
        var rules = FiftyRuleRuleset.rules();
        List<RuleFinding> findings = RulesetAnalysis.analyse(rules, TODAY);
        if (!findings.isEmpty()) {
            throw new IllegalStateException("the registry would refuse the benchmark ruleset: " + findings);
        }
        ruleset = Optional.of(new Ruleset(ROTTERDAM, 7, List.of(), Optional.of("alliance-electives"), rules, List.of()));

        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("uni.lodz.pl-2025-bench").generate();
        String signedContent = signedContent();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID()).build(),
                new Payload(signedContent.getBytes(StandardCharsets.UTF_8)));
        jws.sign(new Ed25519Signer(key));
        String detached = jws.serialize(true);

        credential = new Credential(UUID.randomUUID(), LODZ,
                EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:eur.nl:583920"), ROTTERDAM,
                "Algorithms and Data Structures", Optional.of("CS-121"), LocalDate.of(2025, 6, 30), EctsCredits.of("6"),
                Optional.of(6), Optional.of(new Grade("4.5", "pl-2-5", true)), Optional.of(detached), Optional.of(signedContent));
        AllianceMembership unicSince2022 = new AllianceMembership("unic", "UNIC", MembershipStatus.ACTIVE,
                LocalDate.of(2022, 1, 1), Optional.empty());
        AllianceMembership unicSince2020 = new AllianceMembership("unic", "UNIC", MembershipStatus.ACTIVE,
                LocalDate.of(2020, 11, 1), Optional.empty());
        issuer = Optional.of(new Institution(LODZ, Optional.of("PL LODZ01"), "University of Lodz", "PL", "pl-2-5",
                List.of(unicSince2022), Optional.empty(), List.of(new IssuerSigningKey(key.getKeyID(), "EdDSA",
                        key.toPublicJWK().toJSONString(), LocalDate.of(2025, 1, 1), Optional.empty()))));
        receiver = new Institution(ROTTERDAM, Optional.of("NL ROTTERD01"), "Erasmus University Rotterdam", "NL", "nl-1-10",
                List.of(unicSince2020));

        policy = new RulesetPolicy(GradeConverter.european(),
                Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        verification = new JwsSignatureVerification();
        alreadyVerified = verification.verify(credential, issuer);
        if (!alreadyVerified.trusted()) {
            throw new IllegalStateException("the benchmark credential does not verify: " + alreadyVerified);
        }
        Decision decision = decideWithSignatureVerification();
        if (decision.outcome() != Outcome.RECOGNISED) {
            throw new IllegalStateException("the benchmark credential should be recognised by a rule: " + decision);
        }
    }

    /** The credential's canonical form as its issuer signed it. */
    static String signedContent() {
        return """
                {"credentialId":"%s","issuingInstitution":"uni.lodz.pl","title":"Algorithms and Data Structures",\
                "sourceCourseCode":"CS-121","issuedOn":"2025-06-30","ectsCredits":"6.00","eqfLevel":6,\
                "grade":{"value":"4.5","scheme":"pl-2-5","passed":true}}""".formatted(UUID.randomUUID());
    }

    /** The rules alone: the signature verdict is given, as if verified before. */
    @Benchmark
    public Decision decideWithoutSignatureVerification() {
        return policy.decide(new RecognitionCase(credential, receiver, issuer, ruleset, alreadyVerified));
    }

    /**
     * The pipeline's verification step alone (header and key from its caches, the signing input formed, BouncyCastle's
     * arithmetic, the verdict), to set beside {@link Ed25519VerifierBenchmark#bouncyCastle()}: the step's own overhead.
     */
    @Benchmark
    public SignatureVerdict signatureVerificationOnly() {
        return verification.verify(credential, issuer);
    }

    /** What the pipeline does per credential: verify the detached JWS against the registry's key, then decide. */
    @Benchmark
    public Decision decideWithSignatureVerification() {
        SignatureVerdict verdict = verification.verify(credential, issuer);
        return policy.decide(new RecognitionCase(credential, receiver, issuer, ruleset, verdict));
    }
}
