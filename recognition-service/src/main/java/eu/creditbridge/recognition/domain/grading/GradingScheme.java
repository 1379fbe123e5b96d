package eu.creditbridge.recognition.domain.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the conversion needs to know of a grading scheme, by the identifier the registry lists it under
 * ({@code pl-2-5}, {@code de-1-5}): its passing range and which way is better.
 */
public sealed interface GradingScheme permits GradingScheme.Numeric, GradingScheme.Ordered, GradingScheme.PassFail {

    String id();

    /** Whether {@code grade} is at least as good as {@code minimum}; empty when either is not a grade of this scheme. */
    Optional<Boolean> atLeast(String grade, String minimum);

    /**
     * A numeric scale, e.g. German 1.0 (best) to 4.0 (worst passing), or Polish 5.0 (best) to 3.0 (worst passing).
     * The direction follows from the two ends: a best grade below the worst passing one means lower is better.
     *
     * @param steps   the grades the scheme actually awards, if it has a fixed set (German 1.0, 1.3, 1.7 ...);
     *                empty when any value with {@code decimals} decimals is a grade
     * @param honours a value written beyond the best grade that is still a grade of the scheme and counts as the best
     *                (Italian "30 e lode", written 31); any other value beyond the best is not on the scale
     */
    record Numeric(String id, BigDecimal best, BigDecimal worstPassing, int decimals, List<BigDecimal> steps,
                   Optional<BigDecimal> honours) implements GradingScheme {

        public Numeric(String id, BigDecimal best, BigDecimal worstPassing, int decimals, List<BigDecimal> steps) {
            this(id, best, worstPassing, decimals, steps, Optional.empty());
        }

        public Numeric {
            honours = Objects.requireNonNullElse(honours, Optional.empty());
            Objects.requireNonNull(id, "scheme id is required");
            Objects.requireNonNull(best, "best grade is required");
            Objects.requireNonNull(worstPassing, "worst passing grade is required");
            steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
            if (best.compareTo(worstPassing) == 0) {
                throw new IllegalArgumentException("scheme " + id + " needs distinct best and worst passing grades");
            }
            if (decimals < 0 || decimals > 3) {
                throw new IllegalArgumentException("scheme " + id + ": 0 to 3 decimals, not " + decimals);
            }
        }

        public static Numeric continuous(String id, String best, String worstPassing, int decimals) {
            return new Numeric(id, new BigDecimal(best), new BigDecimal(worstPassing), decimals, List.of());
        }

        public static Numeric stepped(String id, String best, String worstPassing, String... steps) {
            List<BigDecimal> values = java.util.Arrays.stream(steps).map(BigDecimal::new).toList();
            int decimals = values.stream().mapToInt(value -> Math.max(0, value.scale())).max().orElse(0);
            return new Numeric(id, new BigDecimal(best), new BigDecimal(worstPassing), decimals, values);
        }

        /** The same scale with a grade of honours beyond its best. */
        public Numeric withHonours(String value) {
            return new Numeric(id, best, worstPassing, decimals, steps, Optional.of(new BigDecimal(value)));
        }

        public boolean lowerIsBetter() {
            return best.compareTo(worstPassing) < 0;
        }

        /** Positive when {@code a} is a better grade than {@code b}. */
        public int better(BigDecimal a, BigDecimal b) {
            return lowerIsBetter() ? b.compareTo(a) : a.compareTo(b);
        }

        /** Whether the value lies in the passing range, ends included. */
        public boolean passes(BigDecimal value) {
            return better(value, worstPassing) >= 0;
        }

        /** Whether the value is better than the best grade: the grade of honours, or no grade of this scale. */
        public boolean beyondBest(BigDecimal value) {
            return better(value, best) > 0;
        }

        /** Whether a value beyond the best is the scheme's grade of honours (which counts as the best). */
        public boolean isHonours(BigDecimal value) {
            return honours.filter(h -> h.compareTo(value) == 0).isPresent();
        }

        /**
         * The grade this scheme would write for an exact value: the nearest awarded step, or the value rounded
         * to the scheme's decimals. Exactly half-way, the better grade: the formula is a suggestion, and a
         * tie should not cost the learner.
         */
        public BigDecimal gradeFor(BigDecimal exact) {
            if (!steps.isEmpty()) {
                return steps.stream()
                        .min(Comparator.<BigDecimal, BigDecimal>comparing(step -> step.subtract(exact).abs())
                                .thenComparing((x, y) -> better(y, x)))
                        .orElseThrow();
            }
            // HALF_UP moves .5 away from zero (up), HALF_DOWN keeps it down: up is better only when higher is.
            return exact.setScale(decimals, lowerIsBetter() ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP);
        }

        @Override
        public Optional<Boolean> atLeast(String grade, String minimum) {
            Optional<BigDecimal> value = GradeValues.number(grade);
            Optional<BigDecimal> floor = GradeValues.number(minimum);
            if (value.isEmpty() || floor.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(better(value.get(), floor.get()) >= 0);
        }

        public String describe() {
            return id + " (" + plain(best) + " best to " + plain(worstPassing) + " worst passing, "
                    + (lowerIsBetter() ? "lower is better" : "higher is better") + ")";
        }

        static String plain(BigDecimal value) {
            return value.round(MathContext.DECIMAL64).toPlainString();
        }
    }

    /** Named grades in order, best first, passing ones only (ECTS A–E, Swedish VG/G). */
    record Ordered(String id, List<String> passingBestFirst) implements GradingScheme {

        public Ordered {
            Objects.requireNonNull(id, "scheme id is required");
            passingBestFirst = List.copyOf(passingBestFirst);
            if (passingBestFirst.isEmpty()) {
                throw new IllegalArgumentException("scheme " + id + " lists its passing grades");
            }
        }

        @Override
        public Optional<Boolean> atLeast(String grade, String minimum) {
            int value = rank(grade);
            int floor = rank(minimum);
            if (value < 0 || floor < 0) {
                return Optional.empty();
            }
            return Optional.of(value <= floor);
        }

        private int rank(String grade) {
            String key = grade.trim().toLowerCase(Locale.ROOT);
            for (int i = 0; i < passingBestFirst.size(); i++) {
                if (passingBestFirst.get(i).toLowerCase(Locale.ROOT).equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Pass or fail, nothing in between: a pass is never turned into a number. */
    record PassFail(String id) implements GradingScheme {

        public static final String PASS = "pass";
        public static final String FAIL = "fail";

        public PassFail {
            Objects.requireNonNull(id, "scheme id is required");
        }

        @Override
        public Optional<Boolean> atLeast(String grade, String minimum) {
            if (!isPassFailValue(grade) || !isPassFailValue(minimum)) {
                return Optional.empty();
            }
            return Optional.of(isPass(grade) || !isPass(minimum));
        }

        static boolean isPassFailValue(String grade) {
            String key = grade.trim().toLowerCase(Locale.ROOT);
            return List.of("pass", "passed", "fail", "failed").contains(key);
        }

        static boolean isPass(String grade) {
            String key = grade.trim().toLowerCase(Locale.ROOT);
            return key.equals("pass") || key.equals("passed");
        }
    }
}
