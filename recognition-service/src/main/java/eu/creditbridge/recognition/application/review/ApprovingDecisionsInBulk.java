package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.RegistrarAction;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A registrar selects many decisions and approves them as suggested, in one go. Each decision is approved on its
 * own, exactly as {@link ReviewingDecision} approves one (one conditional update each), so a decision is either
 * approved whole or untouched; the answer says which, per credential. A decision whose signature is not VALID is
 * left out (SIGNATURE_NOT_VALID, with why): approving it takes an explicit override on its own.
 */
public class ApprovingDecisionsInBulk {

    /** Most decisions approved in one request: a screenful of the queue, not the whole institution. */
    public static final int MAXIMUM = 200;

    private final ReviewingDecision reviewing;

    public ApprovingDecisionsInBulk(ReviewingDecision reviewing) {
        this.reviewing = reviewing;
    }

    /** SIGNATURE_NOT_VALID: left out, since a signature that is not VALID is approved only on its own, with an explicit override. */
    public enum Status { APPROVED, CONFLICT, NOT_FOUND, NOT_ALLOWED, SIGNATURE_NOT_VALID }

    /**
     * @param revision    the revision stored by the approval (APPROVED), or the current one (CONFLICT)
     * @param explanation why it was not approved
     */
    public record Item(UUID credentialId, Status status, Optional<Integer> revision, Optional<String> explanation) {
    }

    public record BulkApproval(List<Item> items) {

        public BulkApproval {
            items = List.copyOf(items);
        }

        /** How many of each status, every status listed (zeros included) so a page can show them side by side. */
        public Map<Status, Long> counts() {
            Map<Status, Long> counts = new TreeMap<>();
            for (Status status : Status.values()) {
                counts.put(status, items.stream().filter(item -> item.status() == status).count());
            }
            return counts;
        }
    }

    /** @throws IllegalArgumentException for no credential, or more than {@value #MAXIMUM} */
    public BulkApproval approve(SchacCode institution, List<UUID> credentialIds, Registrar registrar, Optional<String> reason) {
        Objects.requireNonNull(credentialIds, "credential ids are required");
        LinkedHashSet<UUID> distinct = new LinkedHashSet<>(credentialIds);
        if (distinct.isEmpty() || distinct.contains(null)) {
            throw new IllegalArgumentException("name at least one credential, and no empty id");
        }
        if (distinct.size() > MAXIMUM) {
            throw new IllegalArgumentException("at most " + MAXIMUM + " decisions in one bulk approval: " + distinct.size());
        }
        RegistrarAction.Approve approval = RegistrarAction.Approve.asSuggested(reason);
        List<Item> items = new ArrayList<>();
        for (UUID credentialId : distinct) {
            ReviewResult result = reviewing.act(new DecisionId(credentialId, institution), registrar, approval, Optional.empty());
            items.add(item(credentialId, result));
        }
        return new BulkApproval(items);
    }

    private static Item item(UUID credentialId, ReviewResult result) {
        if (result instanceof ReviewResult.Revised revised) {
            return new Item(credentialId, Status.APPROVED, Optional.of(revised.entry().revision()), Optional.empty());
        }
        if (result instanceof ReviewResult.Conflict conflict) {
            return new Item(credentialId, Status.CONFLICT, Optional.of(conflict.currentRevision()),
                    Optional.of("Changed meanwhile: now at revision " + conflict.currentRevision() + "; open it and decide again."));
        }
        if (result instanceof ReviewResult.NotAllowed notAllowed && notAllowed.refusal() == ReviewVerdict.Refusal.SIGNATURE_NOT_VALID) {
            return new Item(credentialId, Status.SIGNATURE_NOT_VALID, Optional.empty(), Optional.of("Left out: " + notAllowed.explanation()));
        }
        if (result instanceof ReviewResult.NotAllowed notAllowed) {
            return new Item(credentialId, Status.NOT_ALLOWED, Optional.empty(), Optional.of(notAllowed.explanation()));
        }
        return new Item(credentialId, Status.NOT_FOUND, Optional.empty(), Optional.of("No decision on credential " + credentialId + " here."));
    }
}
