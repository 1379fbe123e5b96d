package eu.creditbridge.recognition.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema the export is checked against compiles offline and tells valid from invalid. */
class ElmoSchemaTest {

    @Test
    void theOfficialExampleIsFoundInvalidAsItsReadmeSays() {
        // samples/README.md: example.xml does not validate against schema.xsd v2.0.0 (4 errors, e.g. line 229).
        assertThat(ElmoSchema.errors(PublicSamples.bytes("elmo-v2.0.0/example.xml"))).isNotEmpty()
                .anyMatch(error -> error.startsWith("line 229"));
    }
}
