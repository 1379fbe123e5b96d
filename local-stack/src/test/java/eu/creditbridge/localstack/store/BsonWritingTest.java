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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.h2.mvstore.WriteBuffer;
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
                .append("empty", new Document())
                .append("naïve – ✓ 😀", "four-byte 😀, an unpaired surrogate a\uD800b, and Łódź");

        ByteBuf ours = Unpooled.buffer();
        BsonWriting.encodeDocument(document, ours);
        ByteBuf library = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, library);

        assertThat(ByteBufUtil.getBytes(ours)).isEqualTo(ByteBufUtil.getBytes(library));
        assertThat(BsonDecoder.decodeBson(ours)).isEqualTo(BsonDecoder.decodeBson(library));
    }

    @Test
    void indexKeysAreWrittenAsTheLibraryEncodesTheirValuesAndReadBack() {
        Object[] key = {"credential-1@eur.nl", "Łódź ✓ 😀", "a\uD800b", 12L, Instant.ofEpochMilli(1_700_000_000_123L)};

        WriteBuffer written = new WriteBuffer();
        IndexKeyType.INSTANCE.write(written, key);
        ByteBuf library = Unpooled.buffer();
        library.writeByte(key.length);
        for (Object value : key) {
            byte type = BsonEncoder.determineType(value);
            library.writeByte(type);
            BsonEncoder.encodeValue(type, value, library);
        }
        ByteBuffer bytes = written.getBuffer().flip();

        assertThat(ByteBufUtil.getBytes(Unpooled.wrappedBuffer(bytes.duplicate()))).isEqualTo(ByteBufUtil.getBytes(library));
        assertThat(IndexKeyType.INSTANCE.read(bytes)).containsExactly("credential-1@eur.nl", "Łódź ✓ 😀", "a?b", 12L,
                Instant.ofEpochMilli(1_700_000_000_123L));
    }
}
