package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have gone to the broker; {@code failing} plays a broker that is down. */
public final class RecordingDecisionPublisher implements DecisionPublisher {

    public final List<RecognitionDecision> published = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    @Override
    public void publish(RecognitionDecision decision) {
        if (failing) {
            throw new IllegalStateException("broker unavailable");
        }
        published.add(decision);
    }
}
