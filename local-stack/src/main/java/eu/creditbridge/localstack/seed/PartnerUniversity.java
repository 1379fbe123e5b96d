package eu.creditbridge.localstack.seed;

import eu.creditbridge.contract.GradeBand;
import eu.creditbridge.contract.InstitutionUpdated;
import java.util.List;

/**
 * The facts about the issuing university its credentials carry (name, country, grading scheme and the grades it awards),
 * as the registry publishes them: so a seeded credential of any listed institution reads like one of its own.
 */
record PartnerUniversity(String schacCode, String name, String country, String gradingScheme, List<String> passingGrades) {

    PartnerUniversity {
        passingGrades = List.copyOf(passingGrades);
        if (passingGrades.isEmpty()) {
            throw new IllegalArgumentException("no passing grades known for " + schacCode);
        }
    }

    /** The University of Lodz as the demo registry lists it; what the tests build credentials of. */
    static PartnerUniversity lodz() {
        return new PartnerUniversity("uni.lodz.pl", "University of Lodz", "PL", "pl-2-5", List.of("5.0", "4.5", "4.0", "3.5", "3.0"));
    }

    /**
     * From the registry's record. Without a grading table the grades are unknown: one grade then stands for all, the
     * scheme's name says which, and the host's rules that convert grades see a pass.
     */
    static PartnerUniversity of(InstitutionUpdated institution) {
        List<String> grades = institution.getGradingTable() == null ? List.of()
                : institution.getGradingTable().getBands().stream().map(GradeBand::getGrade).toList();
        return new PartnerUniversity(institution.getSchacCode(), institution.getName(), institution.getCountry(),
                institution.getGradingScheme(), grades.isEmpty() ? List.of("pass") : grades);
    }
}
