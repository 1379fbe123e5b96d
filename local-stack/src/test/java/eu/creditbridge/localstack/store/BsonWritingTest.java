package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BsonWritingTest {

    @Test
    void writesTheSameBytesAsTheLibrarysEncoder() {
        Document nested = new Document("title", "Żółw – Introduction to Informatics ✓").append("ects", 6.0)
                .append("grade", new Document("value", "4.5").append("passed", true).append("none", null));
        Set<String> unordered = new LinkedHashSet<>(List.of("b", "a"));
        Document document = new Document("_id", "credential-1@eur.nl").append("revision", 3).append("sequence", 12L)
                .append("decidedAt", Instant.ofEpochMilli(1_700_000_000_123L)).append("oid", new ObjectId())
                .append("credential", nested)
                .append("reasons", IntStream.range(0, 23).mapToObj(i -> "reason " + i).toList())
                .append("components", List.of(nested, List.of(1, 2.5, "x"), List.of()))
                .append("set", unordered)
                .append("amount", new de.bwaldvogel.mongo.bson.Decimal128(new BigDecimal("12.50")))
                .append("empty", new Document());

        ByteBuf ours = Unpooled.buffer();
        BsonWriting.encodeDocument(document, ours);
        ByteBuf library = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, library);

        assertThat(ByteBufUtil.getBytes(ours)).isEqualTo(ByteBufUtil.getBytes(library));
        assertThat(BsonDecoder.decodeBson(ours)).isEqualTo(BsonDecoder.decodeBson(library));
    }
}
