package eu.creditbridge.recognition.exchange;

/** An uploaded document refused before or while reading it: what is wrong, in words a registrar can act on. */
public class UnreadableDocument extends RuntimeException {

    private final boolean tooLarge;

    private UnreadableDocument(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public static UnreadableDocument because(String reason) {
        return new UnreadableDocument(reason, false);
    }

    public static UnreadableDocument tooLarge(long limit) {
        return new UnreadableDocument("The document is larger than the " + limit + " bytes an import accepts.", true);
    }

    /** Answered 413 rather than 400: the same document in smaller parts would be read. */
    public boolean tooLarge() {
        return tooLarge;
    }
}
