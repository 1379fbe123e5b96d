package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stored documents as BSON, the encoding MongoDB itself keeps, instead of H2's default: Java serialisation of every
 * value with its own object stream, class descriptors and all. That made the file about four times larger and every
 * read of a document a reflective deserialisation, which is what opening a store of 20,000 credentials spent minutes
 * on. The library's own wire codec reads them, and {@link BsonWriting} writes the same bytes its encoder would, so a
 * stored document reads back exactly as the driver sent it.
 */
public final class BsonDocumentType extends BasicDataType<Document> {

    public static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /* Every document read back from the file, counted: how opening the store is shown to read none. */
    private static final LongAdder DECODED = new LongAdder();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = scratch();
        BsonWriting.encodeDocument(document, encoded);
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
    }

    /*
     * One buffer per writing thread, emptied for each value: a buffer from Netty's allocator for every document written
     * counted every allocation in a shared LongAdder, a tenth of the store's CPU during a burst.
     */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    static ByteBuf scratch() {
        ByteBuf buffer = SCRATCH.get();
        buffer.clear();
        return buffer;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        buffer.position(buffer.position() + length);
        DECODED.increment();
        return document;
    }

    /** Documents decoded from the file since this JVM started, all stores together. */
    public static long documentsDecoded() {
        return DECODED.sum();
    }

    /* What the page cache charges for a document: a quick estimate of its heap size, without encoding it. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String string) {
            return 40 + string.length();
        }
        return 24;
    }
}
