package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RevisionCause;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.review.KeyCompromise;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An institution update reports a signing key compromised from a date: decisions already made on credentials signed
 * with it and dated on or after that date go back to a registrar ({@link KeyCompromise} says which, and how).
 *
 * <p>MongoDB here has no multi-document transactions, so each decision is handled on its own, every step idempotent:
 * <ol>
 *   <li>find the decisions by (issuer, key id, issue date) on the {@code by-signing-key} index, leaving out those
 *       already looked at for this key (the mark {@code reviewedForCompromisedKeys});</li>
 *   <li>one that needs no new revision (rejected, or its trace says KEY_COMPROMISED already) is only marked;</li>
 *   <li>otherwise ONE conditional update writes the next revision (still at the revision read, not marked yet), pushes
 *       a REOPENED audit entry, marks it, and sets the outbox and follow-up marks; a concurrent change makes it match
 *       nothing, and it is read again and tried again;</li>
 *   <li>{@link CompletingRegistrarActions} then takes the credits out of the learner record (conditional on the
 *       component still counting) and publishes the revision; a crash leaves the follow-up mark for its relay.</li>
 * </ol>
 * Replaying the same institution update, or running again on every start, finds every decision marked: nothing is
 * re-decided twice.
 */
public class ReopeningOnCompromisedKey {

    private static final Logger log = LoggerFactory.getLogger(ReopeningOnCompromisedKey.class);
    private static final int ATTEMPTS = 3;

    private final ReviewStore reviews;
    private final CompletingRegistrarActions completing;
    private final Clock clock;
    private final RecognitionMetrics metrics;
    private final int batchSize;

    public ReopeningOnCompromisedKey(ReviewStore reviews, CompletingRegistrarActions completing, Clock clock, RecognitionMetrics metrics,
                                     int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.reviews = reviews;
        this.completing = completing;
        this.clock = clock;
        this.metrics = metrics;
        this.batchSize = batchSize;
    }

    /** What one key's run did. */
    public record Reopening(SchacCode issuer, String keyId, LocalDate compromisedFrom, List<RecognitionDecision> reopened, int marked) {
    }

    /** Every key of the institution reported compromised. */
    public List<Reopening> reopen(Institution issuer) {
        List<Reopening> runs = new ArrayList<>();
        for (IssuerSigningKey key : issuer.signingKeys()) {
            if (key.compromisedFrom().isPresent()) {
                runs.add(reopen(issuer.schacCode(), key));
            }
        }
        return runs;
    }

    public Reopening reopen(SchacCode issuer, IssuerSigningKey key) {
        LocalDate from = key.compromisedFrom().orElseThrow(() -> new IllegalArgumentException("key " + key.keyId() + " is not compromised"));
        List<RecognitionDecision> reopened = new ArrayList<>();
        int marked = 0;
        Optional<String> after = Optional.empty();
        List<ReviewedDecision> page;
        do {
            page = reviews.signedWith(issuer, key.keyId(), from, after, batchSize);
            for (ReviewedDecision each : page) {
                after = Optional.of(each.decision().id().value());
                Optional<RecognitionDecision> revision = reopen(each, key);
                if (revision.isPresent()) {
                    reopened.add(revision.get());
                } else {
                    marked++;
                }
            }
        } while (page.size() == batchSize);
        if (!reopened.isEmpty()) {
            log.warn("Key {} of {} reported compromised from {}: {} decision(s) sent back to a registrar", key.keyId(), issuer, from,
                    reopened.size());
        }
        return new Reopening(issuer, key.keyId(), from, List.copyOf(reopened), marked);
    }

    private Optional<RecognitionDecision> reopen(ReviewedDecision found, IssuerSigningKey key) {
        ReviewedDecision current = found;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ReviewedDecision read = current;
            Optional<ReviewVerdict.Revised> revised = read.credential().flatMap(credential ->
                    KeyCompromise.reopen(read.decision(), read.openQuestion(), key, credential.issuedOn(), clock.instant()));
            if (revised.isEmpty()) {
                reviews.reviewedForKey(current.decision().id(), key.keyId());
                return Optional.empty();
            }
            Optional<ReviewedDecision> written = reviews.reopen(current.decision(), revised.get(), key.keyId());
            if (written.isPresent()) {
                metrics.decisionRevised(written.get().decision(), RevisionCause.KEY_COMPROMISED);
                try {
                    completing.complete(written.get());
                } catch (RuntimeException e) {
                    // The revision stands with its follow-up mark; the registrar-actions relay completes the rest.
                    log.warn("Decision {} sent back to review; its follow-up is left to the relay: {}", current.decision().id(), e.toString());
                }
                return Optional.of(written.get().decision());
            }
            Optional<ReviewedDecision> now = reviews.find(current.decision().id());
            if (now.isEmpty()) {
                return Optional.empty();
            }
            current = now.get();
        }
        log.warn("Decision {} kept changing while key {} was reported compromised; the next run looks again", found.decision().id(), key.keyId());
        return Optional.empty();
    }
}
