package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Documents encoded as BSON for the file, byte for byte what the library's {@link BsonEncoder#encodeDocument} writes,
 * without its detours: it looks every field up again by name after listing the names, and turns each array into a
 * document keyed "0", "1", ... first (new strings, hashed, in a new map). Writing the store's pages spends most of its
 * time here; scalar values other than strings are still the library's to encode.
 */
final class BsonWriting {

    private BsonWriting() {
    }

    static void encodeDocument(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (Map.Entry<String, ?> field : document.entrySet()) {
            encodeElement(field.getKey(), field.getValue(), out);
        }
        out.writeByte(BsonConstants.TERMINATING_BYTE);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static void encodeArray(Collection<?> array, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        int index = 0;
        for (Object element : array) {
            byte type = BsonEncoder.determineType(element);
            out.writeByte(type);
            writeIndexName(index++, out);
            encodeValue(type, element, out);
        }
        out.writeByte(BsonConstants.TERMINATING_BYTE);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static void encodeElement(String name, Object value, ByteBuf out) {
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.writeByte(BsonConstants.STRING_TERMINATION);
        encodeValue(type, value, out);
    }

    @SuppressWarnings("unchecked")
    private static void encodeValue(byte type, Object value, ByteBuf out) {
        switch (type) {
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> encodeDocument((Map<String, ?>) value, out);
            case BsonConstants.TYPE_ARRAY -> encodeArray((Collection<?>) value, out);
            case BsonConstants.TYPE_UTF8_STRING -> writeString(value.toString(), out);
            default -> BsonEncoder.encodeValue(type, value, out);
        }
    }

    /*
     * A BSON string: length (with the terminator), UTF-8, terminator. The JDK's encoder copies an ASCII string's bytes
     * at once; Netty's writeCharSequence went char by char with a bounds check each (a sixth of the store's CPU).
     * Both write '?' for an unpaired surrogate.
     */
    static void writeString(String value, ByteBuf out) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeIntLE(utf8.length + 1);
        out.writeBytes(utf8);
        out.writeByte(BsonConstants.STRING_TERMINATION);
    }

    /* An array element's name: its index in decimal ASCII, as a C string. */
    private static void writeIndexName(int index, ByteBuf out) {
        if (index < 10) {
            out.writeByte('0' + index);
        } else {
            out.writeCharSequence(Integer.toString(index), StandardCharsets.US_ASCII);
        }
        out.writeByte(BsonConstants.STRING_TERMINATION);
    }
}
