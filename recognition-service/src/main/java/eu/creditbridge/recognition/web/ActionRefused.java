package eu.creditbridge.recognition.web;

/** The decision's state refuses a registrar action (settled already, or revoked); rendered as a 409 problem. */
class ActionRefused extends RuntimeException {

    private final String refusal;

    ActionRefused(String refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    String refusal() {
        return refusal;
    }
}
