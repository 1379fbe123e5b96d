package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.domain.GradeDistribution;
import eu.creditbridge.issuer.domain.ImportedResult;
import eu.creditbridge.kernel.SchacCode;
import java.util.List;
import java.util.Set;

/**
 * An imported document, bound and ready to be read in two steps: first who issued it (so the caller's right to import
 * it is checked before anything else is said about it), then its results.
 */
interface DocumentReading {

    /** @throws eu.creditbridge.issuer.web.InvalidRequest if an issuer cannot be named */
    Set<SchacCode> issuers(ImportSettings settings);

    /** @throws eu.creditbridge.issuer.web.InvalidRequest if what all results need (the learner) is missing */
    Reading read(ImportSettings settings);

    /**
     * What a reader made of a document: its kind, what the request supplied, one result per learning opportunity, and
     * the grade distributions it carries (an EWP Transcript of Records' grade conversion tables).
     */
    record Reading(String kind, List<ImportSettings.Supplied> supplied, List<ImportedResult> results,
                   List<GradeDistribution> distributions) {
    }
}
