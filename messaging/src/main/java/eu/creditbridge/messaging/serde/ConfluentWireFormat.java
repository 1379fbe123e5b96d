package eu.creditbridge.messaging.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a record value: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding. Every Confluent-compatible client in every language reads and writes this.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] avroBinary) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBinary)
                .array();
    }

    /** The schema id of a framed value; refuses bytes that are not in the wire format. */
    public static int schemaId(byte[] framed) {
        if (framed.length < HEADER_LENGTH) {
            throw new SerializationException(
                    "Not in the Confluent wire format: " + framed.length + " bytes, shorter than the 5-byte header");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException(
                    "Not in the Confluent wire format: magic byte is " + framed[0] + ", expected 0");
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
