package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.GradeBand;
import eu.creditbridge.contract.GradingTable;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.recognition.domain.Institution;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractMappingGradingTableTest {

    private static InstitutionUpdated lodz(GradingTable table) {
        return InstitutionUpdated.newBuilder()
                .setSchacCode("uni.lodz.pl").setErasmusCode("PL LODZ01").setName("University of Lodz").setCountry("PL")
                .setGradingScheme("pl-2-5").setGradingTable(table).setMemberships(List.of()).setSigningKeys(List.of())
                .setUpdatedAt(Instant.parse("2025-01-01T00:00:00Z"))
                .build();
    }

    private static GradeBand band(String grade, String percentage) {
        return GradeBand.newBuilder().setGrade(grade).setPercentage(new BigDecimal(percentage)).build();
    }

    @Test
    void thePublishedGradingTableReachesTheDomainInstitution() {
        Institution institution = ContractMapping.institution(lodz(GradingTable.newBuilder().setReferencePeriod("2021/22-2023/24")
                .setBands(List.of(band("5.0", "18.00"), band("4.5", "22.00"), band("4.0", "27.00"), band("3.5", "18.00"), band("3.0", "15.00")))
                .build()));

        assertThat(institution.gradingTable()).hasValueSatisfying(table -> {
            assertThat(table.referencePeriod()).contains("2021/22-2023/24");
            assertThat(table.bands()).extracting(eu.creditbridge.recognition.domain.grading.GradeBand::grade)
                    .containsExactly("5.0", "4.5", "4.0", "3.5", "3.0");
        });
    }

    @Test
    void anInstitutionWithoutATableHasNone() {
        assertThat(ContractMapping.institution(lodz(null)).gradingTable()).isEmpty();
    }

    @Test
    void aBrokenTableIsLeftOutButTheInstitutionStays() {
        Institution institution = ContractMapping.institution(lodz(GradingTable.newBuilder().setReferencePeriod("2024")
                .setBands(List.of(band("5.0", "50.00"), band("4.0", "20.00"))).build()));

        assertThat(institution.gradingTable()).isEmpty();
        assertThat(institution.gradingScheme()).isEqualTo("pl-2-5");
    }
}
