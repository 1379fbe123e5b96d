package eu.creditbridge.recognition.domain.grading;

import java.util.List;

/** The grading tables the demo registry publishes for three UNIC members, as realistic fixtures. */
final class GradingTables {

    static final String POLISH = "pl-2-5";
    static final String DUTCH = "nl-1-10";
    static final String GERMAN = "de-1-5";

    private GradingTables() {
    }

    /** University of Lodz: 5.0 0–18 %, 4.5 18–40 %, 4.0 40–67 %, 3.5 67–85 %, 3.0 85–100 %. */
    static GradingTable lodz() {
        return GradingTable.of("2021/22-2023/24", List.of(
                GradeBand.of("5.0", "18.00"), GradeBand.of("4.5", "22.00"), GradeBand.of("4.0", "27.00"),
                GradeBand.of("3.5", "18.00"), GradeBand.of("3.0", "15.00")));
    }

    /** Erasmus University Rotterdam: 10 0–1 %, 9 1–7 %, 8 7–30 %, 7 30–70 %, 6 70–100 %. */
    static GradingTable rotterdam() {
        return GradingTable.of("2021/22-2023/24", List.of(
                GradeBand.of("10", "1.00"), GradeBand.of("9", "6.00"), GradeBand.of("8", "23.00"),
                GradeBand.of("7", "40.00"), GradeBand.of("6", "30.00")));
    }

    /** Ruhr-Universität Bochum: 1.0 0–6, 1.3 6–16, 1.7 16–30, 2.0 30–45, 2.3 45–59, 2.7 59–71, 3.0 71–81, 3.3 81–89, 3.7 89–95, 4.0 95–100. */
    static GradingTable bochum() {
        return GradingTable.of("2021/22-2023/24", List.of(
                GradeBand.of("1.0", "6.00"), GradeBand.of("1.3", "10.00"), GradeBand.of("1.7", "14.00"), GradeBand.of("2.0", "15.00"),
                GradeBand.of("2.3", "14.00"), GradeBand.of("2.7", "12.00"), GradeBand.of("3.0", "10.00"), GradeBand.of("3.3", "8.00"),
                GradeBand.of("3.7", "6.00"), GradeBand.of("4.0", "5.00")));
    }

    static InstitutionGrading lodzGrading() {
        return new InstitutionGrading(POLISH, java.util.Optional.of(lodz()));
    }

    static InstitutionGrading rotterdamGrading() {
        return new InstitutionGrading(DUTCH, java.util.Optional.of(rotterdam()));
    }

    static InstitutionGrading bochumGrading() {
        return new InstitutionGrading(GERMAN, java.util.Optional.of(bochum()));
    }

    static InstitutionGrading withoutTable(String scheme) {
        return new InstitutionGrading(scheme, java.util.Optional.empty());
    }
}
