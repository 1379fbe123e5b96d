package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /console}: a registrar goes straight to their queue; an administrator picks an institution first. */
@Controller
class ConsoleHome {

    private final RegistryView registry;
    private final ConsoleModel labels;

    ConsoleHome(RegistryView registry, ConsoleModel labels) {
        this.registry = registry;
        this.labels = labels;
    }

    @GetMapping("/console")
    String home(Authentication authentication, @RequestParam(required = false) String institution, Model model,
                RedirectAttributes redirect) {
        Caller staff = Caller.of(authentication);
        if (!staff.isAdmin() && staff.has(Role.REGISTRAR) && staff.institution().isPresent()) {
            return "redirect:/console/institutions/" + staff.institution().get() + "/queue";
        }
        if (!staff.isAdmin()) {
            throw new AccessDeniedException("This console is for registrars; operators see no learner data (the operator console is in"
                    + " registry-service), and institution admins and issuing officers work in the registry and the issuer.");
        }
        if (institution != null && !institution.isBlank()) {
            try {
                return "redirect:/console/institutions/" + SchacCode.lenient(institution).value() + "/queue";
            } catch (IllegalArgumentException e) {
                model.addAttribute("flash", "'" + institution + "' is not a SCHAC code (a domain name such as eur.nl).");
                model.addAttribute("flashKind", "error");
            }
        }
        List<ConsoleModel.InstitutionLabel> institutions = registry.rulesets().stream().map(Ruleset::institution)
                .distinct().map(labels::label)
                .sorted(Comparator.comparing(ConsoleModel.InstitutionLabel::name)).toList();
        model.addAttribute("institutions", institutions);
        return "console/institutions";
    }
}
