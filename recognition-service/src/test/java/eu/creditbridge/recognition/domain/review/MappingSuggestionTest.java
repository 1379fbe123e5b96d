package eu.creditbridge.recognition.domain.review;

import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.Fixtures.lodzRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingSuggestionTest {

    @Test
    void aLearningAgreementListingTheCourseIsTheStrongestSuggestionEvenWithFewerCreditsThanAgreed() {
        Credential credential = credential().credits("4").build();
        AgreedComponent agreed = new AgreedComponent("la-2025-anna", ROTTERDAM,
                new AgreementComponent("FEB22012", "INF-3010", Optional.of("Applied Data Science"), EctsCredits.of("5")));

        SuggestedMapping suggestion = MappingSuggestion.suggest(credential, Optional.of(lodzRuleset()), Optional.of(agreed)).orElseThrow();

        assertThat(suggestion.target()).isEqualTo(RecognitionTarget.localCourse("INF-3010", Optional.of("Applied Data Science")));
        assertThat(suggestion.credits()).isEqualTo(EctsCredits.of("4"));
        assertThat(suggestion.basis()).contains("la-2025-anna", "carries only 4.00 ECTS");
    }

    @Test
    void aCourseEquivalenceOutsideItsDatesIsSuggestedAndSaysSo() {
        Credential issuedAfterTheEquivalenceEnded = credential().issuedOn(LocalDate.of(2025, 10, 1)).build();

        SuggestedMapping suggestion = MappingSuggestion.suggest(issuedAfterTheEquivalenceEnded, Optional.of(lodzRuleset()), Optional.empty())
                .orElseThrow();

        assertThat(suggestion.target().code()).isEqualTo("INF-2041");
        assertThat(suggestion.credits()).isEqualTo(EctsCredits.of("5"));
        assertThat(suggestion.basis()).contains("does not apply to the issue date 2025-10-01");
    }

    @Test
    void anUnlistedCourseIsSuggestedForTheElectiveCategory() {
        Credential unlisted = credential().courseCode("FEB99999").title("Blockchain Economics").build();

        SuggestedMapping suggestion = MappingSuggestion.suggest(unlisted, Optional.of(lodzRuleset()), Optional.empty()).orElseThrow();

        assertThat(suggestion.target()).isEqualTo(RecognitionTarget.creditCategory("alliance-electives"));
    }

    @Test
    void withoutRulesetOrAgreementNothingIsSuggested() {
        assertThat(MappingSuggestion.suggest(credential().build(), Optional.empty(), Optional.empty())).isEmpty();
        Ruleset noElectives = new Ruleset(lodzRuleset().institution(), 4, List.<CourseEquivalence>of(), Optional.empty());
        assertThat(MappingSuggestion.suggest(credential().build(), Optional.of(noElectives), Optional.empty())).isEmpty();
    }
}
