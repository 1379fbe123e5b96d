package eu.creditbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The registry enforces BACKWARD compatibility per subject; these are the changes the contract has made or
 * prepared for, checked by Avro's own resolution rules on real bytes, before any registry sees them.
 */
class ContractCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema CURRENT = RecognitionDecided.getClassSchema();

    @Test
    void decisionPublishedBeforeTheSignatureVerdictExistedReadsAsUnknown() throws IOException {
        Schema before = withoutField(CURRENT, "signatureVerdict");

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, before).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        RecognitionDecided read = readAsCurrent(before, project(decision(SignatureVerdict.VALID), before));
        assertThat(read.getSignatureVerdict()).isEqualTo(SignatureVerdict.UNKNOWN);
        assertThat(read.getOutcome()).isEqualTo(RecognitionOutcome.RECOGNISED);
    }

    @Test
    void consumerBuiltBeforeTheSignatureVerdictStillReadsDecisionsThatCarryIt() throws IOException {
        Schema before = withoutField(CURRENT, "signatureVerdict");

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, CURRENT).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        GenericRecord read = project(decision(SignatureVerdict.KEY_COMPROMISED), before);
        assertThat(read.get("decisionId").toString()).isEqualTo("d-1");
    }

    @Test
    void verdictAddedToTheContractLaterReadsAsUnknownForThisReader() throws IOException {
        Schema later = withExtraVerdict(CURRENT, "REVOKED_KEY");
        GenericRecord written = project(decision(SignatureVerdict.VALID), later);
        Schema verdicts = later.getField("signatureVerdict").schema();
        written.put("signatureVerdict", new GenericData.EnumSymbol(verdicts, "REVOKED_KEY"));

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, later).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(readAsCurrent(later, written).getSignatureVerdict()).isEqualTo(SignatureVerdict.UNKNOWN);
    }

    @Test
    void everyVerdictIsExplainedInTheContract() {
        Schema verdicts = CURRENT.getField("signatureVerdict").schema();
        assertThat(verdicts.getEnumDefault()).isEqualTo("UNKNOWN");
        assertThat(CURRENT.getField("signatureVerdict").defaultVal()).isEqualTo("UNKNOWN");
        for (String symbol : verdicts.getEnumSymbols()) {
            assertThat(verdicts.getDoc()).as(symbol).contains(symbol + ": ");
        }
    }

    private static RecognitionDecided decision(SignatureVerdict verdict) {
        return RecognitionDecided.newBuilder()
                .setDecisionId("d-1")
                .setRevision(1)
                .setCredentialId(UUID.fromString("6f1d4c1e-0b7a-4c39-9e8e-2f6a1c0d9b11"))
                .setLearnerId("urn:schac:personalUniqueCode:int:esi:uni.lodz.pl:123456")
                .setIssuingInstitution("uni.lodz.pl")
                .setReceivingInstitution("uni-heidelberg.de")
                .setOutcome(RecognitionOutcome.RECOGNISED)
                .setOriginalCredits(new BigDecimal("6.00"))
                .setRecognisedCredits(new BigDecimal("6.00"))
                .setConversionMethod(GradeConversionMethod.NONE)
                .setReasons(List.of(DecisionReason.newBuilder().setStep("signature").setDecisive(false)
                        .setExplanation("Signature " + verdict + ": as the test says").build()))
                .setDecidedBy(DecidedBy.RULES)
                .setDecidedAt(Instant.parse("2025-07-01T10:00:00Z"))
                .setSignatureVerdict(verdict)
                .build();
    }

    /** The decision as a writer (or reader) with schema {@code other} sees it: Avro's resolution, no hand mapping. */
    private static GenericRecord project(RecognitionDecided decision, Schema other) throws IOException {
        byte[] bytes = encode(new SpecificDatumWriter<>(CURRENT), decision);
        return new GenericDatumReader<GenericRecord>(CURRENT, other)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static RecognitionDecided readAsCurrent(Schema writer, GenericRecord written) throws IOException {
        byte[] bytes = encode(new GenericDatumWriter<>(writer), written);
        return new SpecificDatumReader<RecognitionDecided>(writer, CURRENT)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static <T> byte[] encode(org.apache.avro.io.DatumWriter<T> writer, T value) throws IOException {
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withoutField(Schema schema, String field) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(schema.toString());
        ArrayNode fields = (ArrayNode) tree.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(field)) {
                fields.remove(i);
            }
        }
        return new Schema.Parser().parse(tree.toString());
    }

    private static Schema withExtraVerdict(Schema schema, String symbol) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(schema.toString());
        for (var field : tree.get("fields")) {
            if (field.get("name").asText().equals("signatureVerdict")) {
                ((ArrayNode) field.get("type").get("symbols")).add(symbol);
            }
        }
        return new Schema.Parser().parse(tree.toString());
    }
}
