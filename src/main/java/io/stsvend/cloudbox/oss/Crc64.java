package io.stsvend.cloudbox.oss;

/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected {@code 0xC96C5795D7870F42}, init and xorout all ones), the checksum OSS
 * returns in {@code x-oss-hash-crc64ecma} as an unsigned decimal. Check value of "123456789": 0x995DC9BBDF1939FA.
 */
final class Crc64 {

    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[] TABLE = new long[256];

    static {
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLE[n] = crc;
        }
    }

    private Crc64() {
    }

    static long of(byte[] data) {
        long crc = ~0L;
        for (byte b : data) {
            crc = TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
        }
        return ~crc;
    }

    /** The header form: unsigned decimal. */
    static String header(byte[] data) {
        return Long.toUnsignedString(of(data));
    }
}
