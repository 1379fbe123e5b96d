package eu.creditbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The schemas partners load from {@code schemas/resolved/} are the contract itself: one self-contained,
 * language-neutral file per subject, exactly the text the registry holds and the Java serializer looks up.
 */
class PublishedSchemasTest {

    private static final Path RESOLVED = Path.of("resolved");

    @Test
    void everySubjectHasItsPublishedSchemaCheckedInAndCurrent() throws IOException {
        List<String> stale = new ArrayList<>();
        Files.createDirectories(RESOLVED);
        for (ContractTopic topic : ContractTopic.all()) {
            Path file = RESOLVED.resolve(topic.publishedFileName());
            String current = PublishedSchema.text(topic.valueSchema());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(current)) {
                // Rewritten here so the fix is a rerun and a commit; the build still fails this once, so it is seen.
                Files.writeString(file, current, StandardCharsets.UTF_8);
                stale.add(file.toString());
            }
        }
        assertThat(stale).as("published schemas that were stale and have been rewritten from src/main/avro: review and commit them")
                .isEmpty();
    }

    @Test
    void noFileIsPublishedForASubjectTheContractDoesNotHave() throws IOException {
        List<String> expected = ContractTopic.all().stream().map(ContractTopic::publishedFileName).sorted().toList();
        try (Stream<Path> files = Files.list(RESOLVED)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void publishedSchemaStandsAloneWithoutJavaOnlyProperties() {
        for (ContractTopic topic : ContractTopic.all()) {
            String text = PublishedSchema.text(topic.valueSchema());
            // A fresh parser knows no other type: every referenced record, enum and fixed is defined inside.
            Schema alone = new Schema.Parser().parse(text);
            assertThat(alone.getFullName()).isEqualTo(topic.valueSchema().getFullName());
            assertThat(text).as(topic.valueSubject()).doesNotContain("avro.java").doesNotEndWith("\n");
            assertThat(alone.toString()).as("Avro renders the published schema as its own text").isEqualTo(text);
        }
    }

    @Test
    void publishedSchemaDescribesTheSameDataAsTheGeneratedClasses() {
        for (ContractTopic topic : ContractTopic.all()) {
            assertThat(SchemaNormalization.parsingFingerprint64(topic.publishedSchema()))
                    .as(topic.valueSubject())
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(topic.valueSchema()));
        }
        // The documentation partners read travels with it.
        assertThat(ContractTopic.DECISIONS.publishedSchema().getField("signatureVerdict").doc()).isNotBlank();
    }

    @Test
    void theJarCarriesThePublishedSchemas() throws IOException {
        // target/classes is on the test classpath: what the jar will hold.
        for (ContractTopic topic : ContractTopic.all()) {
            try (var in = PublishedSchemasTest.class.getResourceAsStream("/resolved/" + topic.publishedFileName())) {
                assertThat(in).as(topic.publishedFileName()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(PublishedSchema.text(topic.valueSchema()));
            }
        }
    }
}
