package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.application.operations.PayloadDecoder.SentEvent;
import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.RecordHeader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A partner sees why its own credential events were refused: the dead letters of the credentials topic that are its
 * own, with their reasons and what operators did about them — never another institution's.
 *
 * <p>Whose a dead letter is: where its value can be read, the event's own {@code issuingInstitution} (the institution
 * it was sent in the name of, so a forgery in a partner's name is shown to that partner). Where it cannot be read, the
 * only claim left is the CloudEvents {@code ce_source} header; it is honoured only in the form the contract gives
 * partners ({@code /issuers/<schac>}), and a sender could write any source there — so such a record is shown
 * to the institution it names, which can learn nothing from it but bytes someone sent in its name. A record that
 * neither says is the operators' alone.
 */
public class ShowingOwnDeadLetters {

    /** The ce_source a partner's issuer sets: {@code /issuers/<its SCHAC code>}. */
    public static final String PARTNER_SOURCE_PREFIX = "/issuers/";
    static final String CE_SOURCE = "ce_source";

    private final DeadLetterTopics topics;
    private final DeadLetterLedger ledger;
    private final PayloadDecoder decoder;
    private final String credentialsDeadLetterTopic;
    private final int lookBack;

    /**
     * @param lookBack how many of the newest dead letters of the topic are searched for the institution's (every one is
     *                 decoded, so a partner's request costs at most this many reads)
     */
    public ShowingOwnDeadLetters(DeadLetterTopics topics, DeadLetterLedger ledger, PayloadDecoder decoder,
                                 String credentialsDeadLetterTopic, int lookBack) {
        this.topics = topics;
        this.ledger = ledger;
        this.decoder = decoder;
        this.credentialsDeadLetterTopic = credentialsDeadLetterTopic;
        this.lookBack = lookBack;
    }

    /** The institution's newest dead letters, newest first, at most {@code limit}. */
    public List<Own> of(String institution, int limit) {
        String schac = institution.strip().toLowerCase(Locale.ROOT);
        List<Own> own = topics.newest(credentialsDeadLetterTopic, 0, lookBack).stream()
                .map(deadLetter -> attributed(deadLetter, schac))
                .flatMap(Optional::stream)
                .limit(limit)
                .toList();
        Map<DeadLetterId, DeadLetterStatus> statuses = ledger.statuses(own.stream().map(Own::id).toList());
        return own.stream().map(o -> o.withStatus(statuses.getOrDefault(o.id(), DeadLetterStatus.NEW))).toList();
    }

    private Optional<Own> attributed(DeadLetter deadLetter, String schac) {
        Optional<SentEvent> event = decoder.sender(deadLetter.origin().topic(), deadLetter.value());
        if (event.isPresent()) {
            return event.get().issuingInstitution().strip().equalsIgnoreCase(schac)
                    ? Optional.of(Own.of(deadLetter, event, Attribution.EVENT_ISSUER)) : Optional.empty();
        }
        boolean claimed = deadLetter.originalHeaders().stream().filter(header -> header.name().equals(CE_SOURCE))
                .map(RecordHeader::text).flatMap(Optional::stream)
                .anyMatch(source -> source.strip().equalsIgnoreCase(PARTNER_SOURCE_PREFIX + schac));
        return claimed ? Optional.of(Own.of(deadLetter, Optional.empty(), Attribution.CE_SOURCE_HEADER)) : Optional.empty();
    }

    /** How a dead letter was found to be the institution's. */
    public enum Attribution {
        /** The event could be read, and its {@code issuingInstitution} is the institution. */
        EVENT_ISSUER,
        /** The event could not be read; its {@code ce_source} header names the institution (a claim nobody checked). */
        CE_SOURCE_HEADER
    }

    /** One of the institution's dead letters; {@code event} empty when its value could not be read. */
    public record Own(DeadLetterId id, Instant deadLetteredAt, String reason, Optional<SentEvent> event, String key,
                      Attribution attribution, DeadLetterStatus status) {

        static Own of(DeadLetter deadLetter, Optional<SentEvent> event, Attribution attribution) {
            return new Own(deadLetter.id(), deadLetter.deadLetteredAt(), deadLetter.reason(), event, deadLetter.keyText(),
                    attribution, DeadLetterStatus.NEW);
        }

        Own withStatus(DeadLetterStatus now) {
            return new Own(id, deadLetteredAt, reason, event, key, attribution, now);
        }
    }
}
