package eu.creditbridge.registry.web.operations;

import eu.creditbridge.registry.application.operations.BrokerUnavailable;
import eu.creditbridge.registry.domain.InvalidRegistryEntry;
import eu.creditbridge.registry.domain.operations.DeadLetterRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The console's pages answer refusals with a page a person can read (RegistryProblems answers the API with
 * problem JSON); ordered first so it wins for the console's controller only.
 */
@ControllerAdvice(assignableTypes = OperationsConsole.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationsConsoleRefusals {

    @ExceptionHandler(DeadLetterRefusal.Unknown.class)
    String unknown(DeadLetterRefusal.Unknown e, Model model, HttpServletResponse response, Principal who) {
        return page(model, response, who, 404, "No such dead letter", e.getMessage()
                + ". It may have been removed by the topic's retention.");
    }

    @ExceptionHandler(InvalidRegistryEntry.class)
    String invalid(InvalidRegistryEntry e, Model model, HttpServletResponse response, Principal who) {
        return page(model, response, who, 400, "Not a dead letter address", e.violations().get(0).message());
    }

    @ExceptionHandler(BrokerUnavailable.class)
    String unavailable(BrokerUnavailable e, Model model, HttpServletResponse response, Principal who) {
        return page(model, response, who, 503, "Kafka is not answering", e.getMessage() + ". Nothing was changed; try again.");
    }

    private static String page(Model model, HttpServletResponse response, Principal who, int status, String title, String detail) {
        response.setStatus(status);
        model.addAttribute("operator", who == null ? null : who.getName());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "ops/refused";
    }
}
