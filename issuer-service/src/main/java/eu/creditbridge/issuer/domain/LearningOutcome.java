package eu.creditbridge.issuer.domain;

/** What the learner knows, understands and is able to do; optionally an ESCO skill URI. */
public record LearningOutcome(String description, String escoSkill) {

    private static final String ESCO = "http://data.europa.eu/esco/";

    public LearningOutcome {
        if (description == null || description.isBlank() || description.length() > 2000) {
            throw new InvalidValueException("description", "must describe the outcome in 1 to 2000 characters");
        }
        description = description.strip();
        if (escoSkill != null && escoSkill.isBlank()) {
            escoSkill = null;
        }
        // ESCO concept URIs all live under one namespace; anything else is not an ESCO skill.
        if (escoSkill != null && !escoSkill.startsWith(ESCO)) {
            throw new InvalidValueException("escoSkill", "must be an ESCO URI starting with '" + ESCO + "'");
        }
    }
}
