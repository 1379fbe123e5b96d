package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Comparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of a {@link SecondaryIndex} on disk: the indexed values of one document followed by its position (its
 * {@code _id}), ordered as MongoDB orders values (the library's {@link ValueComparator}), each value stored as a BSON
 * element. The position makes every key unique, so a B-tree of these keys is a non-unique index.
 *
 * <p>Search bounds may hold {@link #LOWEST} and {@link #HIGHEST}, which sort below and above every value; they only
 * ever bound a search and are never written.
 */
final class IndexKeyType extends BasicDataType<Object[]> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    static final Object LOWEST = new Object() {
        @Override
        public String toString() {
            return "LOWEST";
        }
    };
    static final Object HIGHEST = new Object() {
        @Override
        public String toString() {
            return "HIGHEST";
        }
    };

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    private IndexKeyType() {
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        int common = Math.min(a.length, b.length);
        for (int i = 0; i < common; i++) {
            int c = compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        if (a.length == b.length) {
            return 0;
        }
        // Where one key is a prefix of the other, a longer one going on with LOWEST sorts before it.
        boolean aLonger = a.length > b.length;
        Object next = aLonger ? a[common] : b[common];
        int longerFirst = next == LOWEST ? -1 : 1;
        return aLonger ? longerFirst : -longerFirst;
    }

    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == LOWEST || b == HIGHEST) {
            return -1;
        }
        if (a == HIGHEST || b == LOWEST) {
            return 1;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        // The common keys (ids, learner ids, dates) directly, as ValueComparator orders them once it has found the types.
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        return VALUES.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object[] key) {
        ByteBuf encoded = BsonDocumentType.scratch();
        encoded.writeByte(key.length);
        for (Object value : key) {
            if (value == LOWEST || value == HIGHEST) {
                throw new IllegalArgumentException("a search bound is never stored");
            }
            if (value instanceof String string) {   // ids and learner ids: most keys
                encoded.writeByte(BsonConstants.TYPE_UTF8_STRING);
                BsonWriting.writeString(string, encoded);
                continue;
            }
            byte type = BsonEncoder.determineType(value);
            encoded.writeByte(type);
            BsonEncoder.encodeValue(type, value, encoded);
        }
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
    }

    @Override
    public Object[] read(ByteBuffer buffer) {
        ByteBuf in = Unpooled.wrappedBuffer(buffer.slice());
        Object[] key = new Object[in.readUnsignedByte()];
        for (int i = 0; i < key.length; i++) {
            key[i] = BsonDecoder.decodeValue(in.readByte(), in);
        }
        buffer.position(buffer.position() + in.readerIndex());
        return key;
    }

    @Override
    public int getMemory(Object[] key) {
        int size = 24;
        for (Object value : key) {
            size += 8 + BsonDocumentType.estimate(value);
        }
        return size;
    }

    @Override
    public Object[][] createStorage(int size) {
        return new Object[size][];
    }
}
