package eu.creditbridge.registry.domain.operations;

import java.util.HexFormat;
import java.util.Optional;

/** How bytes that are not a known Avro record are shown to an operator: readable text where there is some, hex always. */
public final class Payloads {

    private Payloads() {
    }

    /** The bytes as text, if they are UTF-8 and free of control characters other than tab and line breaks. */
    public static Optional<String> text(byte[] bytes) {
        return RecordHeader.utf8(bytes).filter(Payloads::printable);
    }

    /** A classic hex dump (offset, 16 bytes in hex, the printable ASCII), cut after {@code limit} bytes. */
    public static String hexDump(byte[] bytes, int limit) {
        StringBuilder out = new StringBuilder();
        HexFormat hex = HexFormat.of();
        int shown = Math.min(bytes.length, limit);
        for (int row = 0; row < shown; row += 16) {
            out.append(String.format("%08x  ", row));
            StringBuilder ascii = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < shown) {
                    out.append(hex.toHexDigits(bytes[i])).append(' ');
                    char c = (char) (bytes[i] & 0xff);
                    ascii.append(c >= 0x20 && c < 0x7f ? c : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        if (shown < bytes.length) {
            out.append("… ").append(bytes.length - shown).append(" more bytes not shown\n");
        }
        return out.toString();
    }

    private static boolean printable(String text) {
        return text.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || !Character.isISOControl(c));
    }
}
