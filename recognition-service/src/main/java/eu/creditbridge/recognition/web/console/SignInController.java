package eu.creditbridge.recognition.web.console;

import eu.creditbridge.recognition.web.security.AccessProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: a username/password form, or in OpenID Connect mode a link to the university's provider. */
@Controller
class SignInController {

    private final AccessProperties access;

    SignInController(AccessProperties access) {
        this.access = access;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", access.mode() == AccessProperties.Mode.OIDC);
        model.addAttribute("oidcLoginUrl", "/oauth2/authorization/" + access.oidc().registrationId());
        return "login";
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }
}
