package eu.creditbridge.recognition.web.console;

import eu.creditbridge.security.AccessProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the security kit's template): a username/password form, or in OpenID Connect mode a link to the university's provider. */
@Controller
class SignInController {

    private final AccessProperties access;

    SignInController(AccessProperties access) {
        this.access = access;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("consoleTitle", "CreditBridge registrar console");
        model.addAttribute("consoleLead", "Review and decide on credit recognition for your university.");
        model.addAttribute("providerLabel", "university");
        model.addAttribute("oidc", access.mode() == AccessProperties.Mode.OIDC);
        model.addAttribute("oidcLoginUrl", "/oauth2/authorization/" + access.oidc().registrationId());
        return "kit/sign-in";
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }
}
