package eu.creditbridge.registry.store;

import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.ErasmusCode;
import eu.creditbridge.registry.domain.GradeBand;
import eu.creditbridge.registry.domain.GradingTable;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.KeyCompromise;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Suspension;
import java.math.BigDecimal;
import java.util.List;
import org.bson.Document;

/** Institution state <-> its BSON shape (without the bookkeeping fields, which the store adds). */
final class InstitutionDocuments {

    private InstitutionDocuments() {
    }

    static Document stateOf(Institution institution) {
        return new Document("erasmusCode", institution.erasmusCode() == null ? null : institution.erasmusCode().value())
                .append("name", institution.name())
                .append("country", institution.country().value())
                .append("gradingScheme", institution.gradingScheme())
                .append("gradingTable", institution.gradingTable() == null ? null : gradingTable(institution.gradingTable()))
                .append("signingKeys", institution.signingKeys().stream().map(InstitutionDocuments::signingKey).toList())
                .append("memberships", institution.memberships().stream().map(InstitutionDocuments::membership).toList())
                .append("issuerPrincipals", institution.issuerPrincipals())
                .append("keyCompromises", institution.keyCompromises().stream().map(InstitutionDocuments::compromise).toList());
    }

    static Institution institution(Document d) {
        Document table = d.get("gradingTable", Document.class);
        String erasmus = d.getString("erasmusCode");
        return new Institution(
                new SchacCode(d.getString("_id")),
                erasmus == null ? null : new ErasmusCode(erasmus),
                d.getString("name"),
                new CountryCode(d.getString("country")),
                d.getString("gradingScheme"),
                table == null ? null : gradingTable(table),
                d.getList("signingKeys", Document.class, List.of()).stream().map(InstitutionDocuments::signingKey).toList(),
                d.getList("memberships", Document.class, List.of()).stream().map(InstitutionDocuments::membership).toList(),
                d.getList("issuerPrincipals", String.class, List.of()),
                d.getList("keyCompromises", Document.class, List.of()).stream().map(InstitutionDocuments::compromise).toList());
    }

    static Document gradingTable(GradingTable table) {
        return new Document("referencePeriod", table.referencePeriod())
                .append("bands", table.bands().stream()
                        // Percentages as decimal strings: exact, and independent of Decimal128 support.
                        .map(b -> new Document("grade", b.grade()).append("percentage", b.percentage().toPlainString()))
                        .toList());
    }

    static GradingTable gradingTable(Document d) {
        return new GradingTable(d.getString("referencePeriod"), d.getList("bands", Document.class).stream()
                .map(b -> new GradeBand(b.getString("grade"), new BigDecimal(b.getString("percentage"))))
                .toList());
    }

    private static Document signingKey(SigningKey key) {
        return new Document("keyId", key.keyId())
                .append("algorithm", key.algorithm())
                .append("publicKey", key.publicKey())
                .append("validFrom", Dates.write(key.validFrom()))
                .append("validUntil", Dates.write(key.validUntil()))
                .append("compromisedFrom", Dates.write(key.compromisedFrom()));
    }

    private static SigningKey signingKey(Document d) {
        return new SigningKey(d.getString("keyId"), d.getString("algorithm"), d.getString("publicKey"),
                Dates.read(d.getString("validFrom")), Dates.read(d.getString("validUntil")),
                Dates.read(d.getString("compromisedFrom")));
    }

    private static Document compromise(KeyCompromise c) {
        return new Document("keyId", c.keyId())
                .append("compromisedFrom", Dates.write(c.compromisedFrom()))
                .append("previouslyFrom", Dates.write(c.previouslyFrom()))
                .append("reason", c.reason())
                .append("reportedBy", c.reportedBy())
                .append("reportedAt", Dates.write(c.reportedAt()));
    }

    private static KeyCompromise compromise(Document d) {
        return new KeyCompromise(d.getString("keyId"), Dates.read(d.getString("compromisedFrom")),
                Dates.read(d.getString("previouslyFrom")), d.getString("reason"), d.getString("reportedBy"),
                Dates.read(d.getDate("reportedAt")));
    }

    private static Document membership(Membership m) {
        Suspension s = m.suspension();
        return new Document("allianceId", m.allianceId().value())
                .append("allianceName", m.allianceName())
                .append("memberSince", Dates.write(m.memberSince()))
                .append("suspendedFrom", s == null ? null : Dates.write(s.suspendedFrom()))
                .append("suspensionReason", s == null ? null : s.reason());
    }

    private static Membership membership(Document d) {
        String suspendedFrom = d.getString("suspendedFrom");
        return new Membership(new AllianceId(d.getString("allianceId")), d.getString("allianceName"),
                Dates.read(d.getString("memberSince")),
                suspendedFrom == null ? null : new Suspension(Dates.read(suspendedFrom), d.getString("suspensionReason")));
    }
}
