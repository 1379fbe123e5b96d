package eu.creditbridge.recognition.domain.grading;

import static eu.creditbridge.recognition.domain.grading.GradingTables.DUTCH;
import static eu.creditbridge.recognition.domain.grading.GradingTables.GERMAN;
import static eu.creditbridge.recognition.domain.grading.GradingTables.POLISH;
import static eu.creditbridge.recognition.domain.grading.GradingTables.bochumGrading;
import static eu.creditbridge.recognition.domain.grading.GradingTables.lodzGrading;
import static eu.creditbridge.recognition.domain.grading.GradingTables.rotterdamGrading;
import static eu.creditbridge.recognition.domain.grading.GradingTables.withoutTable;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.Grade;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeConverterTest {

    private final GradeConverter converter = GradeConverter.european();

    private static Grade grade(String value, String scheme) {
        return new Grade(value, scheme, true);
    }

    @Nested
    class ByGradingTables {

        @ParameterizedTest(name = "Lodz {0} -> Rotterdam {1}")
        @CsvSource({
                "5.0, 8",   // 0-18 %, midpoint 9 % -> 8 (7-30 %): few Dutch students get a 9 or 10
                "4.5, 8",   // 18-40 %, midpoint 29 % -> 8 (7-30 %)
                "4.0, 7",   // 40-67 %, midpoint 53.5 % -> 7 (30-70 %)
                "3.5, 6",   // 67-85 %, midpoint 76 % -> 6 (70-100 %)
                "3.0, 6"})  // 85-100 %, midpoint 92.5 % -> 6
        void aPolishGradeTakesTheDutchGradeCoveringTheMidpointOfItsBand(String polish, String dutch) {
            ConvertedGrade converted = converter.convert(grade(polish, POLISH), lodzGrading(), rotterdamGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.method()).isEqualTo(ConversionMethod.ECTS_GRADING_TABLE);
            assertThat(converted.converted()).contains(new Grade(dutch, DUTCH, true));
            assertThat(converted.original()).isEqualTo(grade(polish, POLISH));
        }

        @ParameterizedTest(name = "Rotterdam {0} -> Lodz {1}")
        @CsvSource({
                "10, 5.0",  // 0-1 %, midpoint 0.5 %
                "9, 5.0",   // 1-7 %, midpoint 4 %
                "8, 4.5",   // 7-30 %, midpoint 18.5 % -> 4.5 (18-40 %)
                "7, 4.0",   // 30-70 %, midpoint 50 %
                "6, 3.5"})  // 70-100 %, midpoint exactly 85 %: the border of 3.5 and 3.0, the better grade
        void aDutchGradeTakesThePolishGradeCoveringTheMidpointOfItsBand(String dutch, String polish) {
            ConvertedGrade converted = converter.convert(grade(dutch, DUTCH), rotterdamGrading(), lodzGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.converted()).contains(new Grade(polish, POLISH, true));
        }

        @Test
        void aPolishFourAndAHalfIsAGermanOneSevenAndTheExplanationShowsTheBands() {
            ConvertedGrade converted = converter.convert(grade("4.5", POLISH), lodzGrading(), bochumGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.converted()).contains(new Grade("1.7", GERMAN, true));
            assertThat(converted.explanation())
                    .contains("4.5 (18–40 % from the top)")
                    .contains("midpoint 29 %")
                    .contains("1.7 (16–30 % from the top)")
                    .contains("reference group 2021/22-2023/24");
            assertThat(converted.reason().step()).isEqualTo("grade-conversion");
            assertThat(converted.reason().decisive()).isFalse();
        }

        @Test
        void aGradeWrittenWithADecimalCommaIsFoundInTheTable() {
            ConvertedGrade converted = converter.convert(grade("4,5", POLISH), lodzGrading(), bochumGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.converted()).contains(new Grade("1.7", GERMAN, true));
            assertThat(converted.original().value()).isEqualTo("4,5");
        }

        @Test
        void withoutTheIssuersTableNothingIsConvertedAndTheReasonSaysWhy() {
            ConvertedGrade converted = converter.convert(grade("4.5", POLISH), withoutTable(POLISH), bochumGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.converted()).isEmpty();
            assertThat(converted.original()).isEqualTo(grade("4.5", POLISH));
            assertThat(converted.explanation()).contains("the issuer does not publish an ECTS grading table").contains("A registrar converts it");
        }

        @Test
        void aGradeMissingFromTheIssuersTableIsNotGuessed() {
            ConvertedGrade converted = converter.convert(grade("7.5", DUTCH), rotterdamGrading(), lodzGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.explanation()).contains("7.5 is not in the issuer's grading table");
        }

        @Test
        void theIssuersTableDoesNotApplyToAGradeInAnotherScheme() {
            ConvertedGrade converted = converter.convert(grade("B", "ects-a-f"), lodzGrading(), rotterdamGrading(), ConversionPreference.GRADING_TABLE);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.explanation()).contains("is not the issuer's scheme pl-2-5");
        }
    }

    @Nested
    class ByLinearFormula {

        @ParameterizedTest(name = "Polish {0} -> German {1}")
        @CsvSource({
                "5.0, 1.0",
                "4.5, 1.7",  // 1 + 3*(5-4.5)/(5-3) = 1.75: nearest awarded German grade 1.7
                "4.0, 2.3",  // 2.5 lies half-way between 2.3 and 2.7: the better grade
                "3.5, 3.3",  // 3.25: nearest 3.3
                "3.0, 4.0"})
        void thePolishScaleMapsOntoTheGermanOneByTheModifiedBavarianFormula(String polish, String german) {
            ConvertedGrade converted = converter.convert(grade(polish, POLISH), withoutTable(POLISH), withoutTable(GERMAN),
                    ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.method()).isEqualTo(ConversionMethod.LINEAR_FORMULA);
            assertThat(converted.converted()).contains(new Grade(german, GERMAN, true));
        }

        @ParameterizedTest(name = "Dutch {0} -> German {1}")
        @CsvSource({
                "10, 1.0",
                "8, 2.3",     // 2.5, half-way: the better grade
                "7.5, 3.0",   // 2.875: 3.0 is nearer than 2.7
                "6, 4.0"})
        void aDutchGradeMapsOntoTheGermanScale(String dutch, String german) {
            ConvertedGrade converted = converter.convert(grade(dutch, DUTCH), rotterdamGrading(), bochumGrading(), ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.converted()).contains(new Grade(german, GERMAN, true));
        }

        @Test
        void aGermanGradeMapsOntoAHigherIsBetterScaleRoundedToItsDecimals() {
            ConvertedGrade converted = converter.convert(grade("2.0", GERMAN), bochumGrading(), rotterdamGrading(), ConversionPreference.LINEAR_FORMULA);

            // 6 + (2.0-4.0)/(1.0-4.0) * (10-6) = 8.667, one decimal
            assertThat(converted.converted()).contains(new Grade("8.7", DUTCH, true));
            assertThat(converted.explanation()).contains("8.667").contains("lower is better").contains("written as 8.7");
        }

        @Test
        void theGermanOneThreeIsAPolishFive() {
            ConvertedGrade converted = converter.convert(grade("1.3", GERMAN), bochumGrading(), lodzGrading(), ConversionPreference.LINEAR_FORMULA);

            // 3 + 0.9 * 2 = 4.8: 5.0 is the nearest Polish grade
            assertThat(converted.converted()).contains(new Grade("5.0", POLISH, true));
        }

        @Test
        void anItalianThirtyWithHonoursWrittenAsThirtyOneCountsAsTheBestGrade() {
            ConvertedGrade converted = converter.convert(grade("31", "it-18-30"), withoutTable("it-18-30"), bochumGrading(),
                    ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.converted()).contains(new Grade("1.0", GERMAN, true));
            assertThat(converted.explanation()).contains("a grade above the best counts as the best");
        }

        @Test
        void aValueBeyondTheBestIsNoGradeOfTheScaleAndIsRefusedNotCountedAsTheBest() {
            ConvertedGrade converted = converter.convert(grade("6", POLISH), withoutTable(POLISH), bochumGrading(), ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.notOnPartnerScale()).isTrue();
            assertThat(converted.explanation()).contains("6 is not a grade of pl-2-5");
        }

        @Test
        void aPassedFlagOnAGradeOutsideThePassingRangeIsNotTrustedIntoANumber() {
            ConvertedGrade converted = converter.convert(grade("4.3", GERMAN), bochumGrading(), lodzGrading(), ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.explanation()).contains("outside the passing range");
        }

        @Test
        void aSchemeWhoseShapeIsUnknownCannotBeConvertedLinearly() {
            ConvertedGrade converted = converter.convert(grade("H1", "ie-h1-h3"), withoutTable("ie-h1-h3"), lodzGrading(),
                    ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.explanation()).contains("ie-h1-h3 is not a known numeric scale");
        }
    }

    @Nested
    class InPreferenceOrder {

        @Test
        void tablesWinWhereBothSidesPublishThem() {
            ConvertedGrade converted = converter.convert(grade("4.0", POLISH), lodzGrading(), bochumGrading(),
                    ConversionPreference.GRADING_TABLE_THEN_LINEAR);

            // by table: 40-67 %, midpoint 53.5 % -> 2.3 (45-59 %); the formula would also give 2.3, so check the method
            assertThat(converted.method()).isEqualTo(ConversionMethod.ECTS_GRADING_TABLE);
            assertThat(converted.converted()).contains(new Grade("2.3", GERMAN, true));
        }

        @Test
        void theFormulaStepsInWhereTheIssuerPublishesNoTable() {
            ConvertedGrade converted = converter.convert(grade("4.5", POLISH), withoutTable(POLISH), bochumGrading(),
                    ConversionPreference.GRADING_TABLE_THEN_LINEAR);

            assertThat(converted.method()).isEqualTo(ConversionMethod.LINEAR_FORMULA);
            assertThat(converted.converted()).contains(new Grade("1.7", GERMAN, true));
        }

        @Test
        void whenNoMethodAppliesEveryReasonIsGiven() {
            ConvertedGrade converted = converter.convert(grade("B", "uk-honours"), withoutTable("uk-honours"), lodzGrading(),
                    ConversionPreference.GRADING_TABLE_THEN_LINEAR);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.toGradeConversion().original()).contains(grade("B", "uk-honours"));
            assertThat(converted.toGradeConversion().converted()).isEmpty();
            assertThat(converted.explanation()).contains("Grading table:").contains("Linear formula:");
        }
    }

    @Nested
    class BeforeAnyMethod {

        @Test
        void aGradeInTheReceiversOwnSchemeIsKeptUnchanged() {
            ConvertedGrade converted = converter.convert(grade("4.5", POLISH), lodzGrading(), lodzGrading(), ConversionPreference.LINEAR_FORMULA);

            assertThat(converted.method()).isEqualTo(ConversionMethod.SAME_SCHEME);
            assertThat(converted.converted()).contains(grade("4.5", POLISH));
        }

        @Test
        void aFailedGradeIsNotConverted() {
            ConvertedGrade converted = converter.convert(new Grade("5.0", GERMAN, false), bochumGrading(), lodzGrading(),
                    ConversionPreference.GRADING_TABLE_THEN_LINEAR);

            assertThat(converted.method()).isEqualTo(ConversionMethod.NONE);
            assertThat(converted.explanation()).contains("not a passing grade");
        }

        @Test
        void aPassStaysAPassAndNoNumberIsInvented() {
            ConvertedGrade converted = converter.convert(grade("pass", "pass-fail"), rotterdamGrading(), lodzGrading(),
                    ConversionPreference.GRADING_TABLE_THEN_LINEAR);

            assertThat(converted.method()).isEqualTo(ConversionMethod.PASS_FAIL);
            assertThat(converted.converted()).contains(new Grade("pass", "pass-fail", true));
            assertThat(converted.explanation()).contains("no numeric grade is invented");
        }

        @Test
        void aPassInAnUnlistedSchemeIsStillAPass() {
            ConvertedGrade converted = converter.convert(grade("Passed", "eur-pass"), rotterdamGrading(), bochumGrading(),
                    ConversionPreference.GRADING_TABLE);

            assertThat(converted.converted()).contains(new Grade("pass", "pass-fail", true));
        }

        @Test
        void aNumericPassIntoAPassFailHomeSchemeIsRecordedAsAPass() {
            ConvertedGrade converted = converter.convert(grade("8", DUTCH), rotterdamGrading(), withoutTable("pass-fail"),
                    ConversionPreference.GRADING_TABLE);

            assertThat(converted.method()).isEqualTo(ConversionMethod.PASS_FAIL);
            assertThat(converted.converted()).contains(new Grade("pass", "pass-fail", true));
        }
    }

    @Nested
    class FromRegistryInstitutions {

        private eu.creditbridge.recognition.domain.Institution institution(String schac, String scheme, GradingTable table) {
            return new eu.creditbridge.recognition.domain.Institution(eu.creditbridge.kernel.SchacCode.of(schac), Optional.empty(),
                    schac, "EU", scheme, java.util.List.of(), Optional.ofNullable(table));
        }

        @Test
        void theInstitutionsSchemesAndTablesAreUsed() {
            ConvertedGrade converted = converter.convert(grade("8", DUTCH), Optional.of(institution("eur.nl", DUTCH, GradingTables.rotterdam())),
                    institution("uni.lodz.pl", POLISH, GradingTables.lodz()), ConversionPreference.GRADING_TABLE);

            assertThat(converted.converted()).contains(new Grade("4.5", POLISH, true));
        }

        @Test
        void anUnlistedIssuerLeavesOnlyTheFormula() {
            ConvertedGrade byTable = converter.convert(grade("8", DUTCH), Optional.empty(),
                    institution("uni.lodz.pl", POLISH, GradingTables.lodz()), ConversionPreference.GRADING_TABLE);
            ConvertedGrade byFormula = converter.convert(grade("8", DUTCH), Optional.empty(),
                    institution("uni.lodz.pl", POLISH, GradingTables.lodz()), ConversionPreference.GRADING_TABLE_THEN_LINEAR);

            assertThat(byTable.method()).isEqualTo(ConversionMethod.NONE);
            // 3 + (8-6)/(10-6) * (5-3) = 4.0
            assertThat(byFormula.converted()).contains(new Grade("4.0", POLISH, true));
        }
    }

    @Nested
    class AgainstAMinimum {

        @ParameterizedTest(name = "{0} in {1} at least {2}: {3}")
        @CsvSource({
                "2.3, de-1-5, 2.7, true",    // lower is better
                "2.7, de-1-5, 2.7, true",
                "3.0, de-1-5, 2.7, false",
                "4.0, pl-2-5, 3.5, true",    // higher is better
                "3.0, pl-2-5, 3.5, false",
                "7.5, nl-1-10, 7, true",
                "B, ects-a-f, C, true",
                "D, ects-a-f, C, false",
                "pass, pass-fail, pass, true"})
        void theSchemesDirectionDecides(String value, String scheme, String minimum, boolean met) {
            assertThat(converter.atLeast(grade(value, scheme), minimum).met()).isEqualTo(met);
        }

        @Test
        void theConvertedGradeIsWhatIsCompared() {
            ConvertedGrade converted = converter.convert(grade("4.5", POLISH), lodzGrading(), bochumGrading(), ConversionPreference.GRADING_TABLE);

            MinimumGradeCheck check = converter.atLeast(converted, "2.0");

            assertThat(check.met()).isTrue();
            assertThat(check.explanation()).isEqualTo("1.7 reaches the minimum 2.0 in de-1-5 (lower is better).");
        }

        @Test
        void aPassReachesNoNumericMinimum() {
            ConvertedGrade converted = converter.convert(grade("pass", "pass-fail"), rotterdamGrading(), bochumGrading(),
                    ConversionPreference.GRADING_TABLE);

            MinimumGradeCheck check = converter.atLeast(converted, "2.0");

            assertThat(check.met()).isFalse();
            assertThat(check.explanation()).contains("a pass carries no mark");
        }

        @Test
        void withoutAConvertedGradeNoMinimumIsReached() {
            ConvertedGrade none = new ConvertedGrade(grade("H1", "ie-h1-h3"), Optional.empty(), ConversionMethod.NONE, "not converted");

            assertThat(converter.atLeast(none, "2.0").met()).isFalse();
        }

        @Test
        void inAnUnknownSchemeTheDirectionIsUnknownSoTheMinimumIsNotReached() {
            MinimumGradeCheck check = converter.atLeast(grade("H1", "ie-h1-h3"), "H2");

            assertThat(check.met()).isFalse();
            assertThat(check.explanation()).contains("not known");
        }
    }
}
