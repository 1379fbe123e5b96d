package eu.creditbridge.registry.web.operations;

import eu.creditbridge.registry.application.operations.InspectingDeadLetters;
import eu.creditbridge.registry.application.operations.PayloadDecoder.DecodedPayload;
import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import eu.creditbridge.registry.domain.operations.RecordHeader;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the operator API (and the models of the console's pages). */
final class OperationsViews {

    private OperationsViews() {
    }

    record DeadLetterSummary(String id, String topic, int partition, long offset, Instant deadLetteredAt, String reason,
            String originalTopic, int originalPartition, Long originalOffset, String key, DeadLetterStatus status,
            String href) {

        static DeadLetterSummary of(InspectingDeadLetters.Listed listed) {
            var id = listed.id();
            return new DeadLetterSummary(id.value(), id.topic(), id.partition(), id.offset(), listed.deadLetteredAt(),
                    listed.reason(), listed.origin().topic(), listed.origin().partition(), listed.origin().offset(),
                    listed.key(), listed.status(), path(id.topic(), id.partition(), id.offset()));
        }
    }

    record HeaderView(String name, String value, boolean deadLettering) {

        static HeaderView of(RecordHeader header) {
            return new HeaderView(header.name(), header.display(), header.describesDeadLettering());
        }
    }

    record PayloadView(boolean decoded, String schema, String json, String note, String text, String hex, int size) {

        static PayloadView of(DecodedPayload p) {
            return new PayloadView(p.decoded(), p.schema(), p.json(), p.note(), p.text(), p.hex(), p.size());
        }
    }

    record ActionView(Instant at, String operator, String deadLetter, String act, String reason, boolean forced,
            String outcome, String href) {

        static ActionView of(OperatorAction a) {
            var id = a.deadLetter();
            return new ActionView(a.at(), a.operator(), id.value(), a.act().name(), a.reason(), a.forced(), a.outcome(),
                    path(id.topic(), id.partition(), id.offset()));
        }
    }

    record DeadLetterDetail(String id, String topic, int partition, long offset, Instant deadLetteredAt,
            DeadLetterStatus status, String reason, DeadLetter.Origin origin, String key, List<HeaderView> headers,
            PayloadView payload, List<ActionView> history) {

        static DeadLetterDetail of(InspectingDeadLetters.Inspected inspected) {
            DeadLetter d = inspected.deadLetter();
            return new DeadLetterDetail(d.id().value(), d.id().topic(), d.id().partition(), d.id().offset(),
                    d.deadLetteredAt(), inspected.status(), d.reason(), d.origin(), d.keyText(),
                    d.headers().stream().map(HeaderView::of).toList(), PayloadView.of(inspected.payload()),
                    inspected.history().stream().map(ActionView::of).toList());
        }
    }

    /** Body of a replay: both optional; {@code force} replays a dead letter that was replayed or discarded before. */
    record ReplayRequest(String reason, Boolean force) {
    }

    /** Body of a discard: the reason is required. */
    record DiscardRequest(String reason) {
    }

    static String path(String topic, int partition, long offset) {
        return "/ops/dead-letters/" + topic + "/" + partition + "/" + offset;
    }
}
