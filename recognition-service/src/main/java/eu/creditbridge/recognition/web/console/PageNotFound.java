package eu.creditbridge.recognition.web.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A console page about something that does not exist here; shown as the console's 404 page with this message. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PageNotFound extends RuntimeException {

    PageNotFound(String message) {
        super(message);
    }
}
