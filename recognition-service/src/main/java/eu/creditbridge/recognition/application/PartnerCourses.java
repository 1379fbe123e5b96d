package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.Credential;
import java.util.Set;

/**
 * The partner courses a learner already holds from a credential's issuer, as stored: what an n:1 equivalence needs to
 * see that its last part has arrived. Implemented in {@code store} by {@code PartnerCourseHistory}.
 */
@FunctionalInterface
public interface PartnerCourses {

    /** Course codes of the credential's learner's decisions from its issuer that still count, the credential itself left out. */
    Set<String> coursesHeld(Credential credential);
}
