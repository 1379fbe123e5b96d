package eu.creditbridge.recognition.domain.grading;

import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.rules.GradeConversionSetting.LinearScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Suggests a grade in the receiving institution's scheme for a grade awarded elsewhere. The registrar (or exam
 * board) stays responsible: the result is a suggestion with its method and explanation, never a replacement of
 * the original. In this order:
 * <ol>
 *   <li><b>Same scheme</b>: the grade is kept as it is ({@link ConversionMethod#SAME_SCHEME}).</li>
 *   <li><b>Failed</b>: a failed grade earns no credits and is not converted ({@code NONE}).</li>
 *   <li><b>Pass/fail</b> on either side: a pass stays "pass" ({@link ConversionMethod#PASS_FAIL}); no number is
 *       ever invented for a pass, and a numeric pass into a pass/fail home scheme becomes "pass".</li>
 *   <li>The methods of the {@link ConversionPreference}, in its order:
 *     <ul>
 *       <li><b>ECTS grading table</b> (ECTS Users' Guide 2015): both institutions publish a table and the grade
 *           is in the issuer's scheme and table. The grade's band in the issuer's table (percent of passing
 *           grades from the top) gives its <em>midpoint</em>; the home grade is the one whose band contains that
 *           midpoint. The midpoint, not an end, because a band rarely coincides with a home band, and its middle
 *           is where the typical holder of the grade stands. On a border the better grade wins; a grade with 0 %
 *           in the home table is never the answer (its band is empty).</li>
 *       <li><b>Linear formula</b> (the "modified Bavarian formula", German x = 1 + 3·(Nmax − N)/(Nmax − Nmin)),
 *           generalised to any numeric home scale: the grade's relative place between the issuer scheme's worst
 *           passing grade and its best, f = (N − Nworst)/(Nbest − Nworst), is put at the same place between the
 *           home scheme's worst passing and best grade, x = Xworst + f·(Xbest − Xworst) ({@link LinearFormula}).
 *           A value better than the scheme's best is no grade of it and is not converted (only a grade of honours
 *           counts as the best). The exact x is rounded to the nearest grade the home scheme awards
 *           (German 1.0, 1.3, 1.7 …) or to its decimals; exactly half-way, the better grade. Both schemes must be
 *           known numeric scales ({@link GradingSchemes}).</li>
 *     </ul></li>
 *   <li>Otherwise <b>none</b>, with every method's reason for not applying.</li>
 * </ol>
 */
public final class GradeConverter {

    private final GradingSchemes schemes;

    public GradeConverter(GradingSchemes schemes) {
        this.schemes = Objects.requireNonNull(schemes, "grading schemes are required");
    }

    public static GradeConverter european() {
        return new GradeConverter(GradingSchemes.european());
    }

    public GradingSchemes schemes() {
        return schemes;
    }

    /**
     * As a policy has it at hand: the issuer as the registry view lists it (absent when unlisted: then only the
     * grade's own scheme is known, without a table) and the receiving institution.
     */
    public ConvertedGrade convert(Grade original, Optional<Institution> issuer, Institution receiver, ConversionPreference preference) {
        InstitutionGrading source = issuer.map(InstitutionGrading::of).orElseGet(() -> new InstitutionGrading(original.scheme(), Optional.empty()));
        return convert(original, source, InstitutionGrading.of(receiver), preference);
    }

    public ConvertedGrade convert(Grade original, InstitutionGrading source, InstitutionGrading target, ConversionPreference preference) {
        Objects.requireNonNull(original, "grade is required");
        Objects.requireNonNull(source, "the issuer's grading is required");
        Objects.requireNonNull(target, "the receiver's grading is required");
        Objects.requireNonNull(preference, "conversion preference is required");
        String grade = original.value() + " (" + original.scheme() + ")";

        if (target.awards(original.scheme())) {
            return ConvertedGrade.to(original, original, ConversionMethod.SAME_SCHEME,
                    "The grade " + grade + " is in the receiving institution's own scheme, so it is kept as it is.");
        }
        if (!original.passed()) {
            return ConvertedGrade.none(original, "The grade " + grade + " is not a passing grade; a failed result is not converted.");
        }
        if (isPassFail(original)) {
            String scheme = isPassFailScheme(target.scheme()) ? target.scheme() : GradingSchemes.PASS_FAIL;
            return ConvertedGrade.to(original, new Grade(GradingScheme.PassFail.PASS, scheme, true), ConversionMethod.PASS_FAIL,
                    "The grade " + grade + " is a pass without a mark; it stays a pass, and no numeric grade is invented for it.");
        }
        if (isPassFailScheme(target.scheme())) {
            return ConvertedGrade.to(original, new Grade(GradingScheme.PassFail.PASS, target.scheme(), true), ConversionMethod.PASS_FAIL,
                    "The passing grade " + grade + " is recorded as a pass: the receiving institution grades pass/fail (" + target.scheme() + ").");
        }

        List<String> whyNot = new ArrayList<>();
        boolean notOnScale = false;
        for (ConversionMethod method : preference.methods()) {
            Attempt attempt = switch (method) {
                case ECTS_GRADING_TABLE -> byGradingTables(original, source, target);
                case LINEAR_FORMULA -> byLinearFormula(original, target);
                default -> throw new IllegalStateException("not a conversion method to try: " + method);
            };
            if (attempt.converted().isPresent()) {
                return attempt.converted().get();
            }
            whyNot.add(attempt.whyNot());
            notOnScale |= attempt.notOnScale();
        }
        String explanation = "The grade " + grade + " is kept as issued and not converted into " + target.scheme() + ": "
                + String.join(" ", whyNot) + " A registrar converts it.";
        return notOnScale ? ConvertedGrade.notOnPartnerScale(original, explanation) : ConvertedGrade.none(original, explanation);
    }

    private Attempt byGradingTables(Grade original, InstitutionGrading source, InstitutionGrading target) {
        if (!source.awards(original.scheme())) {
            return Attempt.failed("Grading table: the grade's scheme " + original.scheme() + " is not the issuer's scheme " + source.scheme()
                    + ", so the issuer's grading table does not describe it.");
        }
        if (source.table().isEmpty() || target.table().isEmpty()) {
            return Attempt.failed("Grading table: " + (source.table().isEmpty() && target.table().isEmpty() ? "neither institution publishes"
                    : source.table().isEmpty() ? "the issuer does not publish" : "the receiving institution does not publish") + " an ECTS grading table.");
        }
        GradingTable sourceTable = source.table().get();
        GradingTable targetTable = target.table().get();
        Optional<GradingTable.Position> position = sourceTable.positionOf(original.value());
        if (position.isEmpty()) {
            return Attempt.failed("Grading table: the grade " + original.value() + " is not in the issuer's grading table.");
        }
        BigDecimal midpoint = position.get().midpoint();
        GradingTable.Position home = targetTable.gradeAt(midpoint);
        Grade converted = new Grade(home.grade(), target.scheme(), true);
        return Attempt.converted(ConvertedGrade.to(original, converted, ConversionMethod.ECTS_GRADING_TABLE,
                "ECTS grading table: " + original.value() + " in " + original.scheme() + " covers " + position.get().describe()
                        + period(sourceTable) + "; its midpoint " + GradingTable.Position.percent(midpoint) + " % falls in "
                        + home.describe() + " of the receiving institution's table" + period(targetTable) + ", so it converts to "
                        + home.grade() + " (" + target.scheme() + ")."));
    }

    private Attempt byLinearFormula(Grade original, InstitutionGrading target) {
        Optional<GradingScheme> from = schemes.find(original.scheme());
        Optional<GradingScheme> to = schemes.find(target.scheme());
        if (!(from.orElse(null) instanceof GradingScheme.Numeric source)) {
            return Attempt.failed("Linear formula: " + original.scheme() + " is not a known numeric scale.");
        }
        if (!(to.orElse(null) instanceof GradingScheme.Numeric home)) {
            return Attempt.failed("Linear formula: " + target.scheme() + " is not a known numeric scale.");
        }
        Optional<BigDecimal> number = GradeValues.number(original.value());
        if (number.isEmpty()) {
            return Attempt.failed("Linear formula: " + original.value() + " is not a number in " + source.describe() + ".");
        }
        LinearFormula.Reading reading = LinearFormula.between(source, home).read(number.get());
        if (reading instanceof LinearFormula.Reading.NotOnTheScale off) {
            return Attempt.notOnScale("Linear formula: " + original.value() + " is not a grade of " + off.scale() + ", so it is not converted.");
        }
        if (reading instanceof LinearFormula.Reading.OutsideTheRange outside) {
            return Attempt.failed("Linear formula: " + original.value() + " lies outside the passing range of " + outside.range() + ".");
        }
        LinearFormula.Reading.Placed placed = (LinearFormula.Reading.Placed) reading;
        BigDecimal rounded = home.gradeFor(placed.exact());
        Grade converted = new Grade(rounded.toPlainString(), target.scheme(), true);
        return Attempt.converted(ConvertedGrade.to(original, converted, ConversionMethod.LINEAR_FORMULA,
                "Linear formula (modified Bavarian): " + original.value() + " on " + source.describe() + " lies "
                        + placed.place().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                        + " % of the way from worst passing to best; the same place on " + home.describe() + " is "
                        + placed.exact().setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + ", written as "
                        + rounded.toPlainString() + (placed.capped() ? " (a grade above the best counts as the best)" : "") + "."));
    }

    /**
     * A ruleset's own LINEAR_FORMULA (its Nmin/Nmax on the partner's scale, best/worst on ours), for a passing grade in
     * another scheme than ours: the board states its formula in the ruleset, and it may convert a scheme the service
     * does not know. The grade must still be one of the partner's scale (see {@link LinearFormula}).
     */
    public ConvertedGrade byRulesetFormula(Grade original, String receiverScheme, LinearScale linear) {
        String grade = original.value() + " (" + original.scheme() + ")";
        String formula = "x = " + plain(linear.best()) + " + (" + plain(linear.worst()) + " - " + plain(linear.best()) + ") * ("
                + plain(linear.nMax()) + " - N) / (" + plain(linear.nMax()) + " - " + plain(linear.nMin()) + ")";
        Optional<BigDecimal> number = GradeValues.number(original.value());
        if (number.isEmpty()) {
            return ConvertedGrade.none(original, "The grade " + grade + " is kept as issued and not"
                    + " converted: the ruleset's linear formula " + formula + " needs a numeric grade. A registrar converts it.");
        }
        Optional<GradingScheme.Numeric> partner = schemes.find(original.scheme())
                .filter(GradingScheme.Numeric.class::isInstance).map(GradingScheme.Numeric.class::cast);
        LinearFormula.Reading reading = new LinearFormula(partner, linear).read(number.get());
        if (reading instanceof LinearFormula.Reading.NotOnTheScale off) {
            return ConvertedGrade.notOnPartnerScale(original, "The grade " + grade + " is not a grade of " + off.scale()
                    + ": the ruleset's linear formula " + formula + " is not applied to it, and a grade the partner's scale does not"
                    + " have is not recognised automatically. A registrar decides.");
        }
        if (reading instanceof LinearFormula.Reading.OutsideTheRange outside) {
            return ConvertedGrade.none(original, "The grade " + grade + " is kept as issued and not converted: it lies outside "
                    + outside.range() + ". A registrar converts it.");
        }
        LinearFormula.Reading.Placed placed = (LinearFormula.Reading.Placed) reading;
        BigDecimal written = schemes.find(receiverScheme)
                .filter(GradingScheme.Numeric.class::isInstance).map(GradingScheme.Numeric.class::cast)
                .map(home -> home.gradeFor(placed.exact()))
                .orElseGet(() -> BigDecimal.valueOf(linear.convert(placed.counted().doubleValue())));
        return ConvertedGrade.to(original, new Grade(written.toPlainString(), receiverScheme, true),
                ConversionMethod.LINEAR_FORMULA, "Linear formula of the ruleset (modified Bavarian, " + formula + "): N = "
                + LinearFormula.plain(placed.counted()) + (placed.capped() ? " (a grade above Nmax counts as Nmax)" : "") + " gives x = "
                + placed.exact().setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + ", written as "
                + written.toPlainString() + " (" + receiverScheme + ").");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Whether a grade reaches a minimum in its own scheme (use the converted grade for the receiver's minimum). */
    public MinimumGradeCheck atLeast(Grade grade, String minimum) {
        Optional<GradingScheme> scheme = schemes.find(grade.scheme());
        if (scheme.isEmpty()) {
            return new MinimumGradeCheck(false, "The grading scheme " + grade.scheme() + " is not known, so whether " + grade.value()
                    + " reaches " + minimum + " cannot be told.");
        }
        Optional<Boolean> reached = scheme.get().atLeast(grade.value(), minimum);
        if (reached.isEmpty()) {
            return new MinimumGradeCheck(false, grade.value() + " cannot be compared with the minimum " + minimum + " in " + grade.scheme()
                    + (isPassFail(grade) ? ": a pass carries no mark." : "."));
        }
        String direction = scheme.get() instanceof GradingScheme.Numeric numeric && numeric.lowerIsBetter() ? " (lower is better)" : "";
        return new MinimumGradeCheck(reached.get(), grade.value() + (reached.get() ? " reaches" : " does not reach") + " the minimum "
                + minimum + " in " + grade.scheme() + direction + ".");
    }

    /** Whether the converted grade reaches a minimum in the receiving scheme; no converted grade reaches nothing. */
    public MinimumGradeCheck atLeast(ConvertedGrade grade, String minimum) {
        if (grade.converted().isEmpty()) {
            return new MinimumGradeCheck(false, "The grade " + grade.original().value() + " (" + grade.original().scheme()
                    + ") has no converted value to compare with the minimum " + minimum + ".");
        }
        return atLeast(grade.converted().get(), minimum);
    }

    private boolean isPassFail(Grade grade) {
        return isPassFailScheme(grade.scheme())
                || (schemes.find(grade.scheme()).isEmpty() && GradingScheme.PassFail.isPassFailValue(grade.value()));
    }

    private boolean isPassFailScheme(String scheme) {
        return schemes.find(scheme).orElse(null) instanceof GradingScheme.PassFail;
    }

    private static String period(GradingTable table) {
        return table.referencePeriod().map(period -> " (reference group " + period + ")").orElse("");
    }

    private record Attempt(Optional<ConvertedGrade> converted, String whyNot, boolean notOnScale) {

        static Attempt converted(ConvertedGrade grade) {
            return new Attempt(Optional.of(grade), "", false);
        }

        static Attempt failed(String whyNot) {
            return new Attempt(Optional.empty(), whyNot, false);
        }

        static Attempt notOnScale(String whyNot) {
            return new Attempt(Optional.empty(), whyNot, true);
        }
    }
}
