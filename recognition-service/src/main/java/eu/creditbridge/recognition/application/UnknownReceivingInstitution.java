package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.SchacCode;
import java.util.UUID;

/**
 * The learner's home institution is not in the registry view. At first this is taken as transient (a
 * just-registered institution may still be on its way over the registry topic) and the record is retried;
 * once the grace period has passed it is {@link #settled()}: the credential names an institution the
 * registry does not know, and retrying cannot help.
 */
public class UnknownReceivingInstitution extends RuntimeException {

    private final boolean settled;

    UnknownReceivingInstitution(UUID credentialId, SchacCode institution, boolean settled) {
        super("Receiving institution " + institution + " of credential " + credentialId + " is not in the alliance registry"
                + (settled ? "" : " (yet); retrying in case its registration is still on its way"));
        this.settled = settled;
    }

    public boolean settled() {
        return settled;
    }
}
