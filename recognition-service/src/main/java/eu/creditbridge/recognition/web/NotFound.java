package eu.creditbridge.recognition.web;

/** The resource asked for does not exist; rendered as a 404 problem. */
class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message);
    }
}
