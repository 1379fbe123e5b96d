package eu.creditbridge.registry;

import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.ErasmusCode;
import eu.creditbridge.registry.domain.GradeBand;
import eu.creditbridge.registry.domain.GradingTable;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.RulesetDraft;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Realistic registry entries, built in one place for every test. */
public final class RegistryFixtures {

    public static final SchacCode LODZ = new SchacCode("uni.lodz.pl");
    public static final SchacCode ROTTERDAM = new SchacCode("eur.nl");
    public static final AllianceId UNIC = new AllianceId("unic");
    public static final AllianceId UNILION = new AllianceId("unilion");
    /** Tests that set the registry up act as the platform admin, whom every rule lets through. */
    public static final Caller PLATFORM_ADMIN = new Caller("test-set-up", Set.of(Role.ADMIN), Optional.empty(), Optional.empty());

    private RegistryFixtures() {
    }

    public static GradingTable polishGradingTable() {
        return new GradingTable("2021/22-2023/24", List.of(
                new GradeBand("5.0", new BigDecimal("18")), new GradeBand("4.5", new BigDecimal("22")),
                new GradeBand("4.0", new BigDecimal("27")), new GradeBand("3.5", new BigDecimal("18")),
                new GradeBand("3.0", new BigDecimal("15"))));
    }

    public static Institution lodz() {
        return new Institution(LODZ, new ErasmusCode("PL LODZ01"), "University of Lodz", new CountryCode("PL"), "pl-2-5",
                polishGradingTable(),
                List.of(new SigningKey("uni.lodz.pl#2024", "EdDSA",
                        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
                        LocalDate.of(2024, 1, 1), null)),
                List.of());
    }

    public static Institution rotterdam() {
        return new Institution(ROTTERDAM, new ErasmusCode("NL ROTTERD01"), "Erasmus University Rotterdam",
                new CountryCode("NL"), "nl-1-10", null, List.of(), List.of());
    }

    public static Alliance unic() {
        return new Alliance(UNIC, "UNIC", "European University of Post-Industrial Cities");
    }

    public static RulesetDraft rotterdamRuleset() {
        return new RulesetDraft(List.of(
                new CourseEquivalence(LODZ, "INF-101", "EUR-INF-101", "Introduction to Programming", null, null)),
                "alliance-electives");
    }
}
