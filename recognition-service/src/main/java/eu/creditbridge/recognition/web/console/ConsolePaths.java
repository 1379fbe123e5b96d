package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.util.UUID;

/** Path values of console URLs, parsed; a malformed one is a page that does not exist (404), not a crash. */
final class ConsolePaths {

    private ConsolePaths() {
    }

    static SchacCode institution(String schac) {
        try {
            return SchacCode.lenient(schac);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("There is no institution '" + schac + "'.");
        }
    }

    static EuropeanStudentIdentifier learner(String learnerId) {
        try {
            return EuropeanStudentIdentifier.lenient(learnerId);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("'" + learnerId + "' is not a European Student Identifier (urn:schac:personalUniqueCode:int:esi:…).");
        }
    }

    static UUID credential(String credentialId) {
        try {
            return UUID.fromString(credentialId);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("'" + credentialId + "' is not a credential id.");
        }
    }
}
