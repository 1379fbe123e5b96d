package eu.creditbridge.recognition.web;

/** The decision changed since the registrar looked at it; rendered as a 409 problem with both revisions. */
class RevisionConflict extends RuntimeException {

    private final int expectedRevision;
    private final int currentRevision;

    RevisionConflict(String message, int expectedRevision, int currentRevision) {
        super(message);
        this.expectedRevision = expectedRevision;
        this.currentRevision = currentRevision;
    }

    int expectedRevision() {
        return expectedRevision;
    }

    int currentRevision() {
        return currentRevision;
    }
}
