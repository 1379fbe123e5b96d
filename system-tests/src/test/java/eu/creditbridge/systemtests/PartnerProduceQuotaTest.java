package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.localstack.broker.BrokerPrincipals;
import eu.creditbridge.localstack.broker.PartnerCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.junit.jupiter.api.Test;

/** {@code partner add SCHAC --produce-kb-per-second N} sets the partner principal's produce quota on the broker. */
class PartnerProduceQuotaTest {

    private static final String PARTNER = "quota.example.edu";

    @Test
    void aPartnersProduceRateIsCappedOnTheBrokerAndTheCapCanBeLifted() throws Exception {
        List<String> printed = new ArrayList<>();
        PartnerCommand.run(EmbeddedStack.get().state().root(), List.of("add", PARTNER, "--produce-kb-per-second", "300"), printed::add);

        assertThat(printed).anyMatch(line -> line.contains("produce at most 300 KB/s"));
        assertThat(produceQuota()).isEqualTo(Map.of("producer_byte_rate", 300.0 * 1024));

        PartnerCommand.run(EmbeddedStack.get().state().root(), List.of("add", PARTNER, "--produce-kb-per-second", "0"), printed::add);
        assertThat(produceQuota()).isEmpty();
    }

    private static Map<String, Double> produceQuota() throws Exception {
        try (Admin admin = Admin.create(EmbeddedStack.get().kafkaAdminConfig())) {
            Map<ClientQuotaEntity, Map<String, Double>> quotas = admin.describeClientQuotas(ClientQuotaFilter.containsOnly(
                    List.of(ClientQuotaFilterComponent.ofEntity(ClientQuotaEntity.USER, BrokerPrincipals.partnerOf(PARTNER)))))
                    .entities().get();
            return quotas.values().stream().findFirst().orElse(Map.of());
        }
    }
}
