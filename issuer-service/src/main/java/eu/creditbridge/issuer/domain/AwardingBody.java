package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.SchacCode;
/** An awarding body: several for a joint credential, the first being the issuing institution. */
public record AwardingBody(SchacCode schacCode, String name) {

    public AwardingBody {
        InvalidValueException.required(schacCode, "the awarding body's SCHAC code");
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new InvalidValueException("name", "must be the official name of the awarding body, 1 to 300 characters");
        }
        name = name.strip();
    }
}
