package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.Ruleset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * This instance's copy of the alliance registry, rebuilt from the compacted registry topics on every start.
 * Credentials are decided only once it has caught up with what the topics held at start-up, so a restarted
 * service never decides against a half-read registry.
 */
public class RegistryView {

    private final Map<SchacCode, Institution> institutions = new ConcurrentHashMap<>();
    private final Map<SchacCode, Ruleset> rulesets = new ConcurrentHashMap<>();
    private final List<Runnable> onCaughtUp = new CopyOnWriteArrayList<>();
    private final List<Consumer<Ruleset>> onNewRulesetVersion = new CopyOnWriteArrayList<>();
    private final List<Consumer<Institution>> onKeyCompromised = new CopyOnWriteArrayList<>();
    private volatile boolean caughtUp;

    public Optional<Institution> institution(SchacCode schacCode) {
        return Optional.ofNullable(institutions.get(schacCode));
    }

    /** Every institution the view holds (registrars filter their queue by an alliance's members). */
    public List<Institution> institutions() {
        return List.copyOf(institutions.values());
    }

    public Optional<Ruleset> ruleset(SchacCode institution) {
        return Optional.ofNullable(rulesets.get(institution));
    }

    /** The latest state of an institution replaces the previous one (the topic carries full states). */
    public void institutionUpdated(Institution institution) {
        Institution before = institutions.put(institution.schacCode(), institution);
        // While replaying at start-up, compromises are old news; what they change is caught up with on catching up.
        if (caughtUp && newlyCompromised(before, institution)) {
            onKeyCompromised.forEach(listener -> listener.accept(institution));
        }
    }

    /** A key compromised now that was not before, or from an earlier date than before. */
    private static boolean newlyCompromised(Institution before, Institution now) {
        return now.signingKeys().stream().filter(key -> key.compromisedFrom().isPresent()).anyMatch(key -> {
            Optional<java.time.LocalDate> earlier = before == null ? Optional.empty()
                    : before.signingKey(key.keyId()).flatMap(IssuerSigningKey::compromisedFrom);
            return earlier.isEmpty() || key.compromisedFrom().get().isBefore(earlier.get());
        });
    }

    /** Called with an institution whose update, after the view caught up, reports a signing key compromised (or from an earlier date). */
    public void onKeyCompromised(Consumer<Institution> listener) {
        onKeyCompromised.add(listener);
    }

    /** A tombstone: the registry no longer lists the institution. */
    public void institutionRemoved(SchacCode schacCode) {
        institutions.remove(schacCode);
    }

    /** Keeps the highest version: versions only grow, and an older one re-read (replay, redelivery) must not win. */
    public void rulesetPublished(Ruleset ruleset) {
        Ruleset before = rulesets.get(ruleset.institution());
        Ruleset now = rulesets.merge(ruleset.institution(), ruleset, (held, published) -> published.version() >= held.version() ? published : held);
        // While replaying at start-up, versions are old news; what they change is caught up with on catching up.
        if (caughtUp && now == ruleset && (before == null || before.version() < ruleset.version())) {
            onNewRulesetVersion.forEach(listener -> listener.accept(ruleset));
        }
    }

    /** Called with each higher ruleset version published after the view caught up. */
    public void onNewRulesetVersion(Consumer<Ruleset> listener) {
        onNewRulesetVersion.add(listener);
    }

    /** The current version of every institution's ruleset. */
    public List<Ruleset> rulesets() {
        return List.copyOf(rulesets.values());
    }

    public void rulesetRemoved(SchacCode institution) {
        rulesets.remove(institution);
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Called once the view holds everything the topics held at start-up; runs the waiting actions once. */
    public void caughtUp() {
        if (caughtUp) {
            return;
        }
        caughtUp = true;
        onCaughtUp.forEach(Runnable::run);
    }

    /** Runs the action when the view has caught up, or now if it already has. */
    public void whenCaughtUp(Runnable action) {
        onCaughtUp.add(action);
        if (caughtUp) {
            action.run();
        }
    }

    public int institutionCount() {
        return institutions.size();
    }

    public int rulesetCount() {
        return rulesets.size();
    }
}
