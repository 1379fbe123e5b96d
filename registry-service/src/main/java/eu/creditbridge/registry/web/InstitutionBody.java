package eu.creditbridge.registry.web;

import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.ErasmusCode;
import eu.creditbridge.registry.domain.GradeBand;
import eu.creditbridge.registry.domain.GradingTable;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Violations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code PUT /api/institutions/{schac}}. Bean Validation catches missing fields; the domain
 * types then check shapes and cross-field rules, and every refusal names its field.
 *
 * @param schacCode optional in the body; when given it must equal the path's
 */
public record InstitutionBody(
        String schacCode,
        String erasmusCode,
        @NotBlank String name,
        @NotBlank String country,
        @NotBlank String gradingScheme,
        @Valid GradingTableBody gradingTable,
        List<@Valid @NotNull SigningKeyBody> signingKeys) {

    public record GradingTableBody(@NotBlank String referencePeriod, @NotEmpty List<@Valid @NotNull GradeBandBody> bands) {
    }

    public record GradeBandBody(@NotBlank String grade, @NotNull BigDecimal percentage) {
    }

    public record SigningKeyBody(@NotBlank String keyId, @NotBlank String algorithm, @NotBlank String publicKey,
            @NotNull LocalDate validFrom, LocalDate validUntil) {
    }

    Institution toInstitution(SchacCode schac) {
        Violations violations = new Violations();
        if (schacCode != null && !schacCode.equals(schac.value())) {
            violations.add("schacCode", "must equal the SCHAC code in the path (" + schac + ") or be left out");
        }
        ErasmusCode erasmus = erasmusCode == null ? null : violations.attempt("erasmusCode", () -> new ErasmusCode(erasmusCode));
        CountryCode countryCode = violations.attempt("country", () -> new CountryCode(country));
        GradingTable table = gradingTable == null ? null : gradingTableOf(gradingTable, "gradingTable", violations);
        List<SigningKey> keys = new ArrayList<>();
        List<SigningKeyBody> keyBodies = signingKeys == null ? List.of() : signingKeys;
        for (int i = 0; i < keyBodies.size(); i++) {
            SigningKeyBody k = keyBodies.get(i);
            keys.add(violations.attempt("signingKeys[" + i + "]",
                    () -> new SigningKey(k.keyId(), k.algorithm(), k.publicKey(), k.validFrom(), k.validUntil())));
        }
        violations.throwIfAny();
        GradingTable checkedTable = table;
        Institution institution = violations.attempt("",
                () -> new Institution(schac, erasmus, name, countryCode, gradingScheme, checkedTable, keys, List.of()));
        violations.throwIfAny();
        return institution;
    }

    /** A grading table as sent at {@code path}, its problems added to {@code violations}; null when it has any. */
    static GradingTable gradingTableOf(GradingTableBody body, String path, Violations violations) {
        int before = violations.list().size();
        List<GradeBand> bands = gradeBands(body.bands(), path, violations);
        // A bad band would make the total look wrong too; report the band, not a misleading sum.
        if (violations.list().size() != before) {
            return null;
        }
        return violations.attempt(path, () -> new GradingTable(body.referencePeriod(), bands));
    }

    private static List<GradeBand> gradeBands(List<GradeBandBody> bodies, String path, Violations violations) {
        List<GradeBand> bands = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            GradeBandBody b = bodies.get(i);
            GradeBand band = violations.attempt(path + ".bands[" + i + "]", () -> new GradeBand(b.grade(), b.percentage()));
            if (band != null) {
                bands.add(band);
            }
        }
        return bands;
    }
}
