package eu.creditbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The contract is a public API: a partner reading any schema finds every field and type explained. */
class ContractDocumentationTest {

    @Test
    void everyFieldRecordAndEnumOfEveryTopicIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ContractTopic topic : ContractTopic.all()) {
            collectUndocumented(topic.valueSchema(), undocumented, seen);
        }
        assertThat(undocumented).as("schema elements without a doc").isEmpty();
    }

    @Test
    void optionalFieldsDefaultToNullSoTheyCanBeLeftOutByOlderWriters() {
        List<String> withoutDefault = new ArrayList<>();
        for (ContractTopic topic : ContractTopic.all()) {
            collectOptionalWithoutDefault(topic.valueSchema(), withoutDefault, new HashSet<>());
        }
        assertThat(withoutDefault).isEmpty();
    }

    @Test
    void subjectsFollowTheTopicNameStrategyAndDeadLettersTheDltSuffix() {
        assertThat(ContractTopic.CREDENTIALS.valueSubject()).isEqualTo("creditbridge.credentials-value");
        assertThat(ContractTopic.DECISIONS.deadLetterTopic()).isEqualTo("creditbridge.decisions.dlt");
        assertThat(ContractTopic.INSTITUTIONS.compacted()).isTrue();
        assertThat(ContractTopic.CREDENTIALS.compacted()).isFalse();
    }

    private static void collectUndocumented(Schema schema, List<String> undocumented, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                if (isBlank(schema.getDoc())) {
                    undocumented.add("record " + schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        undocumented.add(schema.getName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), undocumented, seen);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName()) && isBlank(schema.getDoc())) {
                    undocumented.add("enum " + schema.getFullName());
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collectUndocumented(type, undocumented, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), undocumented, seen);
            case MAP -> collectUndocumented(schema.getValueType(), undocumented, seen);
            default -> {
            }
        }
    }

    private static void collectOptionalWithoutDefault(Schema schema, List<String> found, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    if (field.schema().isNullable() && !field.hasDefaultValue()) {
                        found.add(schema.getName() + "." + field.name());
                    }
                    collectOptionalWithoutDefault(field.schema(), found, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collectOptionalWithoutDefault(type, found, seen));
            case ARRAY -> collectOptionalWithoutDefault(schema.getElementType(), found, seen);
            default -> {
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
