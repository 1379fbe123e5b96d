package eu.creditbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class AccountsTest {

    static final String MACHINES = """
            {"accounts": [
              {"username": "sis@uni.lodz.pl", "role": "INSTITUTION_SYSTEM", "institution": "uni.lodz.pl", "secret": "s3cr3t-lodz"},
              {"username": "issuer-service", "role": "service",
               "secretSha256": "%s"}]}""".formatted(Sha256SecretEncoder.digestHex("issuer-secret"));

    final PasswordEncoder encoder = Accounts.passwordEncoder();

    AccessProperties access(AccessProperties.Mode mode, AccessProperties.Account... people) {
        return new AccessProperties(mode, List.of(people), null,
                new AccessProperties.Oidc("university", "roles", "schac_home_organization", "alliance", "sub"));
    }

    Authentication signIn(InMemoryUserDetailsManager accounts, String user, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void aMachineAccountSignsInWithItsSecretAndActsForItsInstitutionOnly() {
        var accounts = Accounts.of(access(AccessProperties.Mode.LOCAL), MachineAccounts.parse(MACHINES, "test"), encoder);
        Caller sis = Caller.of(signIn(accounts, "sis@uni.lodz.pl", "s3cr3t-lodz"));
        assertThat(sis.actsFor("uni.lodz.pl", Role.INSTITUTION_SYSTEM)).isTrue();
        assertThat(sis.actsFor("eur.nl", Role.INSTITUTION_SYSTEM)).isFalse();
        assertThat(sis.actsFor("uni.lodz.pl", Role.ISSUING_OFFICER)).isFalse();
        assertThat(Caller.of(signIn(accounts, "issuer-service", "issuer-secret")).has(Role.SERVICE)).isTrue();
        assertThatThrownBy(() -> signIn(accounts, "sis@uni.lodz.pl", "s3cr3t-lodz!")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(accounts, "issuer-service", "")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void machineSecretsAreCheckedByTheirSha256NotByBcrypt() {
        var accounts = Accounts.of(access(AccessProperties.Mode.LOCAL), MachineAccounts.parse(MACHINES, "test"), encoder);
        assertThat(accounts.loadUserByUsername("issuer-service").getPassword()).startsWith("{sha256}");
        assertThat(MachineAccounts.parse(MACHINES, "test").secretOf("sis@uni.lodz.pl")).contains("s3cr3t-lodz");
        assertThat(MachineAccounts.parse(MACHINES, "test").secretOf("issuer-service")).isEmpty();
    }

    @Test
    void demoPeopleOpenNothingWithARealIdentityProvider() {
        var officer = new AccessProperties.Account("officer@uni.lodz.pl", "demo", "issuing-officer", "uni.lodz.pl", null);
        var local = Accounts.of(access(AccessProperties.Mode.LOCAL, officer), MachineAccounts.none(), encoder);
        assertThat(Caller.of(signIn(local, "officer@uni.lodz.pl", "demo")).actsFor("UNI.LODZ.PL", Role.ISSUING_OFFICER)).isTrue();
        var oidc = Accounts.of(access(AccessProperties.Mode.OIDC, officer), MachineAccounts.parse(MACHINES, "test"), encoder);
        assertThat(oidc.userExists("officer@uni.lodz.pl")).isFalse();
        assertThat(oidc.userExists("sis@uni.lodz.pl")).isTrue();
    }

    @Test
    void anAccountThatCannotBeScopedFailsAtStartUp() {
        var unbound = new AccessProperties.Account("registrar", "demo", "REGISTRAR", null, null);
        assertThatThrownBy(() -> Accounts.of(access(AccessProperties.Mode.LOCAL, unbound), MachineAccounts.none(), encoder))
                .hasMessageContaining("needs an institution");
        var allianceAdmin = new AccessProperties.Account("aa", "demo", "ALLIANCE_ADMIN", null, null);
        assertThatThrownBy(() -> Accounts.of(access(AccessProperties.Mode.LOCAL, allianceAdmin), MachineAccounts.none(), encoder))
                .hasMessageContaining("needs an alliance");
        var machineAsPerson = new AccessProperties.Account("sis", "demo", "SERVICE", null, null);
        assertThatThrownBy(() -> Accounts.of(access(AccessProperties.Mode.LOCAL, machineAsPerson), MachineAccounts.none(), encoder))
                .hasMessageContaining("machine accounts file");
        assertThatThrownBy(() -> MachineAccounts.parse("{\"accounts\":[{\"username\":\"x\",\"role\":\"INSTITUTION_SYSTEM\",\"secret\":\"s\"}]}", "f"))
                .hasMessageContaining("needs an institution");
    }
}
