package eu.creditbridge.registry.application;

/**
 * The caller may not make this change, by a rule that needed the registry's stored state to decide (who may
 * register an institution's keys, which alliances it belongs to, whether it exists yet). Thrown before anything is
 * written, so a refused request changes nothing; the web edge answers 403.
 */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String reason) {
        super(reason);
    }
}
