package eu.creditbridge.registry.domain.operations;

/** What the dead-letter handling refuses, as one family so the web edge maps each kind to one problem type. */
public abstract sealed class DeadLetterRefusal extends RuntimeException
        permits DeadLetterRefusal.Unknown, DeadLetterRefusal.AlreadyHandled {

    private final DeadLetterId deadLetter;

    protected DeadLetterRefusal(DeadLetterId deadLetter, String message) {
        super(message);
        this.deadLetter = deadLetter;
    }

    public DeadLetterId deadLetter() {
        return deadLetter;
    }

    /** No record at that offset of that dead-letter topic (never written, or removed by retention). */
    public static final class Unknown extends DeadLetterRefusal {

        public Unknown(DeadLetterId deadLetter) {
            super(deadLetter, "No dead letter at " + deadLetter.value());
        }
    }

    /** A second replay or discard of the same dead letter, refused unless the operator forces a replay. */
    public static final class AlreadyHandled extends DeadLetterRefusal {

        private final DeadLetterStatus status;

        public AlreadyHandled(DeadLetterId deadLetter, DeadLetterStatus status) {
            super(deadLetter, "Dead letter " + deadLetter.value() + " was already " + status.name().toLowerCase()
                    + (status == DeadLetterStatus.REPLAYED ? "; replay it again only with force" : ""));
            this.status = status;
        }

        public DeadLetterStatus status() {
            return status;
        }
    }
}
