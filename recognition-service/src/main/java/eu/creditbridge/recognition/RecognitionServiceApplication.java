package eu.creditbridge.recognition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * recognition-service: decides on credentials for the learner's home institution, keeps learner records, and
 * publishes the decisions.
 *
 * <p>The pipeline is effectively once on at-least-once delivery with no multi-document transactions: each step
 * is idempotent on its own, so redelivering an event after a crash between ANY two steps repairs the state and
 * changes no total. Issuance ({@code RecognisingCredential}):
 * <ol>
 *   <li>receiving institution looked up in the registry view — reads only; missing = retried, then dead letter;</li>
 *   <li>existing decision loaded — a redelivery never decides twice;</li>
 *   <li>decision inserted, {@code _id} = (credential, receiving institution) — a duplicate key means it is already
 *       stored: the stored one is loaded and used;</li>
 *   <li>learner record: component pushed and totals incremented in ONE update, filtered on the credential not being
 *       there yet (upsert for the first component, duplicate-key on the upsert = already there) — a repeat matches
 *       nothing;</li>
 *   <li>a revocation recorded meanwhile reverses it at once (see below);</li>
 *   <li>RecognitionDecided published, ack awaited, then {@code publishedRevision} set conditionally — a crash before the
 *       mark republishes the same revision (consumers keep the highest revision); the scheduled relay publishes
 *       whatever stays pending.</li>
 * </ol>
 * Revocation ({@code ReversingRecognition}): revocation marker inserted (unique; so a late issuance is rejected) →
 * decision's revision+1 WITHDRAWN written only if not withdrawn yet → learner-record component marked WITHDRAWN and
 * totals decremented in ONE update filtered on the component still counting → publish as above. Each step is
 * conditional on the previous state, so repeating any of them is a no-op.
 *
 * <p>The Kafka offset is committed only after all steps returned, so a crash always leads to redelivery.
 */
@SpringBootApplication
public class RecognitionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecognitionServiceApplication.class, args);
    }
}
