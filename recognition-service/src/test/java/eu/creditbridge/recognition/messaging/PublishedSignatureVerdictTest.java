package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.contract.RecognitionOutcome;
import eu.creditbridge.contract.SignatureVerdict;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.SignatureVerdict.Status;
import eu.creditbridge.recognition.domain.review.TracedSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import eu.creditbridge.messaging.outbox.KafkaBatchPublisher;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * A decision goes out on creditbridge.decisions with its signature verdict as a value a partner's program can act on
 * ({@code RecognitionDecided.signatureVerdict}), the same verdict the step "signature" of its reasons states in words.
 */
class PublishedSignatureVerdictTest {

    private static final Instant DECIDED_AT = Instant.parse("2025-02-20T10:00:00Z");

    // Values are Avro-encoded as the real serializer would (minus the registry's framing), so what is published writes.
    private final MockProducer<String, Object> broker = new MockProducer<>(true, null, new StringSerializer(),
            (topic, value) -> encode((RecognitionDecided) value));
    private final KafkaDecisionPublisher publisher = new KafkaDecisionPublisher(new KafkaBatchPublisher<>(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> broker)), Duration.ofSeconds(5), OutboxTrace.NONE));

    @Test
    void validlySignedCredentialRecognisedByRulesIsPublishedAsValid() throws Exception {
        RecognitionDecided published = publish(decide(TrustFixtures.VALID, true));

        assertThat(published.getOutcome()).isEqualTo(RecognitionOutcome.RECOGNISED);
        assertThat(published.getSignatureVerdict()).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void credentialSignedWithAKeyTheRegistryDoesNotListIsPublishedAsUnknownKeyAndWaitsForARegistrar() throws Exception {
        var unknownKey = eu.creditbridge.recognition.domain.SignatureVerdict.of(Status.UNKNOWN_KEY,
                "The registry lists no key eur.nl-2031 for eur.nl.");

        RecognitionDecided published = publish(decide(unknownKey, true));

        assertThat(published.getOutcome()).isEqualTo(RecognitionOutcome.NEEDS_REVIEW);
        assertThat(published.getSignatureVerdict()).isEqualTo(SignatureVerdict.UNKNOWN_KEY);
        assertThat(published.getReasons()).anySatisfy(reason -> {
            assertThat(reason.getStep()).isEqualTo("signature");
            assertThat(reason.getExplanation()).startsWith("Signature UNKNOWN_KEY: ");
        });
    }

    @Test
    void credentialOfAnIssuerTheRegistryDoesNotListIsPublishedAsNotVerified() throws Exception {
        RecognitionDecided published = publish(decide(TrustFixtures.VALID, false));

        assertThat(published.getOutcome()).isEqualTo(RecognitionOutcome.NEEDS_REVIEW);
        assertThat(published.getSignatureVerdict()).isEqualTo(SignatureVerdict.NOT_VERIFIED);
    }

    @Test
    void everyVerdictRecognitionReachesHasItsOwnSymbolInTheContract() {
        for (Status status : Status.values()) {
            List<DecisionReason> trace = List.of(DecisionReason.decisive("signature", "Signature " + status + ": as traced."));
            RecognitionDecided decided = ContractMapping.recognitionDecided(withTrace(trace));
            assertThat(decided.getSignatureVerdict().name()).as(status.name()).isEqualTo(TracedSignature.of(trace).status().name());
        }
    }

    private RecognitionDecided publish(RecognitionDecision decision) throws Exception {
        publisher.publish(decision);
        List<ProducerRecord<String, Object>> history = broker.history();
        ProducerRecord<String, Object> sent = history.get(history.size() - 1);
        assertThat(sent.topic()).isEqualTo(ContractTopic.DECISIONS.topic());
        assertThat(sent.key()).isEqualTo(decision.learner().value());
        return RecognitionDecided.getDecoder().decode(encode((RecognitionDecided) sent.value()));
    }

    private static byte[] encode(RecognitionDecided decided) {
        try {
            return RecognitionDecided.getEncoder().encode(decided).array();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RecognitionDecision decide(eu.creditbridge.recognition.domain.SignatureVerdict signature, boolean issuerListed) {
        Credential credential = Fixtures.credential().build();
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.lodz(),
                issuerListed ? Optional.of(Fixtures.rotterdam()) : Optional.empty(), Optional.of(Fixtures.lodzRuleset()), signature));
        return RecognitionDecision.byRules(credential, decision, DECIDED_AT);
    }

    private static RecognitionDecision withTrace(List<DecisionReason> trace) {
        RecognitionDecision decided = decide(TrustFixtures.VALID, true);
        var concluded = decided.decision();
        return RecognitionDecision.byRules(Fixtures.credential().build(), new eu.creditbridge.recognition.domain.Decision(
                concluded.outcome(), concluded.recognisedCredits(), concluded.target(), concluded.grade(), trace,
                concluded.rulesetVersion()), DECIDED_AT);
    }
}
