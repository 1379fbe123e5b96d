package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A learner's recognised credits at one receiving institution. Each credential appears at most once, and the
 * totals move only when a component is added or withdrawn — so applying the same change twice changes nothing.
 * The store applies the same arithmetic as one conditional update; this type is its specification.
 */
public record LearnerRecord(SchacCode institution, EuropeanStudentIdentifier learner, List<RecognisedComponent> components, CreditTotals totals) {

    public LearnerRecord {
        Objects.requireNonNull(institution, "institution is required");
        Objects.requireNonNull(learner, "learner is required");
        components = List.copyOf(Objects.requireNonNullElse(components, List.of()));
        totals = Objects.requireNonNullElse(totals, CreditTotals.NONE);
    }

    public static LearnerRecord empty(SchacCode institution, EuropeanStudentIdentifier learner) {
        return new LearnerRecord(institution, learner, List.of(), CreditTotals.NONE);
    }

    public Optional<RecognisedComponent> component(UUID credentialId) {
        return components.stream().filter(component -> component.credentialId().equals(credentialId)).findFirst();
    }

    /** Adds the component unless the credential is already in the record (recognised or withdrawn). */
    public LearnerRecord recognise(RecognisedComponent component) {
        if (component(component.credentialId()).isPresent()) {
            return this;
        }
        List<RecognisedComponent> next = new ArrayList<>(components);
        next.add(component);
        return new LearnerRecord(institution, learner, next, totals.plus(component.target(), component.credits()));
    }

    /** Marks the credential's component withdrawn and takes its credits off, once. */
    public LearnerRecord withdraw(UUID credentialId, Instant at, String reason) {
        Optional<RecognisedComponent> counted = component(credentialId).filter(RecognisedComponent::counts);
        if (counted.isEmpty()) {
            return this;
        }
        RecognisedComponent component = counted.get();
        List<RecognisedComponent> next = components.stream()
                .map(each -> each.credentialId().equals(credentialId) ? each.withdrawn(at, reason) : each)
                .toList();
        return new LearnerRecord(institution, learner, next, totals.minus(component.target(), component.credits()));
    }

    /** The totals as the sum of the components that count; equal to {@link #totals()} in a consistent record. */
    public CreditTotals recomputedTotals() {
        CreditTotals sum = CreditTotals.NONE;
        for (RecognisedComponent component : components) {
            if (component.counts()) {
                sum = sum.plus(component.target(), component.credits());
            }
        }
        return sum;
    }
}
