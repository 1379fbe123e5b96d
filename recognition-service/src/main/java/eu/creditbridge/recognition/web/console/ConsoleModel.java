package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What every console page's header shows: who is signed in, and the institution the page is about (by name when
 * the registry view knows it). Also applies to the error pages, so a refusal still shows who is signed in.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class, assignableTypes = ErrorController.class)
class ConsoleModel {

    private final RegistryView registry;

    ConsoleModel(RegistryView registry) {
        this.registry = registry;
    }

    /** The signed-in caller as the security kit reads them (name, roles, institution), or null on the sign-in page. */
    @ModelAttribute("staff")
    Caller staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return null;
        }
        return Caller.of(authentication);
    }

    /** The registrar's own institution (their queue), for links on refusal pages; null for anyone else. */
    @ModelAttribute("ownInstitution")
    String ownInstitution() {
        Caller staff = staff();
        return staff != null && staff.has(Role.REGISTRAR) ? staff.institution().orElse(null) : null;
    }

    /** The institution of the page ({@code {schac}} in the path), else the registrar's own. */
    @ModelAttribute("institution")
    InstitutionLabel institution(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Optional<SchacCode> schac = Optional.empty();
        if (variables instanceof Map<?, ?> map && map.get("schac") instanceof String value) {
            schac = parse(value);
        }
        if (schac.isEmpty()) {
            Caller staff = staff();
            schac = staff == null ? Optional.empty() : staff.institution().flatMap(ConsoleModel::parse);
        }
        return schac.map(this::label).orElse(null);
    }

    /** Something a console link names does not exist: a page that says so, with the way back. */
    @ExceptionHandler(PageNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(PageNotFound e, Model model, HttpServletRequest request) {
        model.addAttribute("staff", staff());
        model.addAttribute("ownInstitution", ownInstitution());
        model.addAttribute("institution", institution(request));
        model.addAttribute("message", e.getMessage());
        return "error/404";
    }

    InstitutionLabel label(SchacCode schac) {
        return new InstitutionLabel(schac.value(), registry.institution(schac).map(Institution::name).orElse(schac.value()));
    }

    private static Optional<SchacCode> parse(String value) {
        try {
            return Optional.of(SchacCode.lenient(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An institution as the console names it: SCHAC code for links, name for people. */
    record InstitutionLabel(String schac, String name) {
    }
}
