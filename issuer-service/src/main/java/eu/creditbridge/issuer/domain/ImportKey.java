package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where an imported result comes from, in the document's own stable identifiers: the issuer, the learner, the learning
 * opportunity (an ELMO specification's id, a Europass credential's id) and its instance (the attempt: an instance id,
 * else its dates). Credential ids are derived from it, so importing the same transcript again finds the credentials it
 * issued the first time instead of issuing new ones.
 *
 * <p>A corrected result for the same instance is another revision: revision 0 is the first credential, revision 1 the
 * one that replaced it, and so on. Each revision's id is derived too, so no lookup table is needed to find them.
 *
 * @param format      the document's format ("elmo", "europass"): the same ids in two formats are different things
 * @param opportunity the learning opportunity's identifier as the document writes it
 * @param instance    the instance's identifier, or what stands for one (its dates); empty for a single award
 */
public record ImportKey(String format, SchacCode issuer, EuropeanStudentIdentifier learner, String opportunity,
                        String instance) {

    /** More corrections of one result than this would be a loop, not a registrar's work. */
    public static final int MAX_REVISIONS = 100;

    public ImportKey {
        InvalidValueException.required(format, "the document format");
        InvalidValueException.required(issuer, "the issuer");
        InvalidValueException.required(learner, "the learner");
        if (opportunity == null || opportunity.isBlank()) {
            throw new InvalidValueException("identifier", "is required: without a stable identifier of the learning "
                    + "opportunity a second import could not recognise what the first one issued");
        }
        opportunity = opportunity.strip();
        instance = instance == null ? "" : instance.strip();
    }

    /** The id of the credential at that revision: a name-based UUID (RFC 4122 version 3) of the key. */
    public CredentialId credentialId(int revision) {
        if (revision < 0 || revision >= MAX_REVISIONS) {
            throw new IllegalArgumentException("revision " + revision + " is outside 0.." + (MAX_REVISIONS - 1));
        }
        // Unit separators keep "a|b" + "c" apart from "a" + "b|c", whatever the document's ids contain.
        String name = String.join("\u001f", "creditbridge-import", format, issuer.value(), learner.value(), opportunity,
                instance, Integer.toString(revision));
        return new CredentialId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }
}
