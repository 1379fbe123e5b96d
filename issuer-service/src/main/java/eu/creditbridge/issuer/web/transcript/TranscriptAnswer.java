package eu.creditbridge.issuer.web.transcript;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.creditbridge.issuer.application.ImportingTranscript.Outcome;
import eu.creditbridge.issuer.application.OfferingGradeDistribution;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.web.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an import did, per learning opportunity: ISSUED (a new credential), UNCHANGED (issued by an earlier import of the
 * same result), CORRECTED (a changed result: the new credential issued, the one it replaces revoked), SKIPPED (not a
 * credential, and why) or REFUSED (every problem, in the words of a JSON credential's). {@code supplied} lists what
 * the request had to give because the document does not carry it.
 */
public record TranscriptAnswer(String document, Counts counts, List<ImportSettings.Supplied> supplied, List<Item> results,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Distribution> gradeDistributions) {

    /**
     * A grade distribution the document carries and what was done with it: the frequencies as sent, the passing
     * table made of them, and whether it was offered to the institution's admin at the registry (never published).
     */
    public record Distribution(String iscedCode, List<Band> frequencies, List<Band> gradingTable, boolean offered,
                               String note) {
    }

    public record Band(String grade, BigDecimal percentage) {
    }

    TranscriptAnswer withDistributions(List<OfferingGradeDistribution.Offer> offers) {
        var shown = offers.stream().map(o -> new Distribution(o.distribution().iscedCode(), bands(o.distribution().frequencies()),
                bands(o.table()), o.offered(), o.note())).toList();
        return new TranscriptAnswer(document, counts, supplied, results, shown);
    }

    private static List<Band> bands(List<eu.creditbridge.issuer.domain.GradeDistribution.Frequency> frequencies) {
        return frequencies.stream().map(f -> new Band(f.label(), f.percentage())).toList();
    }

    public record Counts(int issued, int unchanged, int corrected, int skipped, int refused) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(String learningOpportunity, String title, String outcome, UUID credentialId, UUID replaces,
                       BigDecimal ectsCredits, String reason, List<FieldProblem> problems, List<String> notes) {
    }

    static TranscriptAnswer of(String document, List<ImportSettings.Supplied> supplied, List<Outcome> outcomes) {
        int issued = 0;
        int unchanged = 0;
        int corrected = 0;
        int skipped = 0;
        int refused = 0;
        var items = new java.util.ArrayList<Item>(outcomes.size());
        for (var outcome : outcomes) {
            var result = outcome.result();
            List<String> notes = result instanceof eu.creditbridge.issuer.domain.ImportedResult.Importable i ? i.notes()
                    : result instanceof eu.creditbridge.issuer.domain.ImportedResult.Refused r ? r.notes() : List.of();
            if (outcome instanceof Outcome.Issued o) {
                issued++;
                items.add(credential(result.opportunity(), result.title(), "ISSUED", o.credential(), null, notes));
            } else if (outcome instanceof Outcome.Unchanged o) {
                unchanged++;
                items.add(credential(result.opportunity(), result.title(), "UNCHANGED", o.credential(), null, notes));
            } else if (outcome instanceof Outcome.Corrected o) {
                corrected++;
                items.add(credential(result.opportunity(), result.title(), "CORRECTED", o.credential(), o.replaced().value(), notes));
            } else if (outcome instanceof Outcome.Skipped o) {
                skipped++;
                items.add(new Item(result.opportunity(), result.title(), "SKIPPED", null, null, null, o.reason(), null, notes));
            } else {
                refused++;
                var problems = ((Outcome.Refused) outcome).problems().stream()
                        .map(v -> FieldProblem.at(v.field() == null ? "" : v.field(), v.message())).toList();
                items.add(new Item(result.opportunity(), result.title(), "REFUSED", null, null, null, null, problems, notes));
            }
        }
        return new TranscriptAnswer(document, new Counts(issued, unchanged, corrected, skipped, refused), supplied, items,
                List.of());
    }

    private static Item credential(String opportunity, String title, String outcome, IssuedCredential credential,
                                   UUID replaces, List<String> notes) {
        return new Item(opportunity, title, outcome, credential.id().value(), replaces,
                credential.credential().ectsCredits().value(), null, null, notes);
    }
}
