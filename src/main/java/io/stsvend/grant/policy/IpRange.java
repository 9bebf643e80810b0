package io.stsvend.grant.policy;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address or CIDR block from an {@code IpAddress} / {@code NotIpAddress} condition value, e.g.
 * {@code 192.168.0.1}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}. A single address is a /32 (IPv4) or /128 (IPv6).
 * Host bits set below the prefix ({@code 10.1.2.3/8}) are allowed and ignored, as in AWS.
 *
 * <p>Families never mix: an IPv4 range contains no IPv6 address and vice versa. The one normalisation is on the
 * request side: an IPv4-mapped IPv6 client address ({@code ::ffff:10.0.0.1}, what a dual-stack socket reports for
 * an IPv4 peer) is treated as the IPv4 address it carries. Immutable.
 */
final class IpRange {

    private final byte[] network;
    private final int prefixBits;

    private IpRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** Parses {@code address} or {@code address/prefix}; {@code null} if malformed. */
    static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpLiteral.parse(address);
        if (bytes == null) {
            return null;
        }
        int maxBits = bytes.length * 8;
        int prefix = slash < 0 ? maxBits : IpLiteral.decimal(text.substring(slash + 1), 3);
        if (prefix < 0 || prefix > maxBits) {
            return null;
        }
        return new IpRange(bytes, prefix);
    }

    /** Whether the request-side {@code clientAddress} (a plain address, not a CIDR) lies in this range. */
    boolean contains(String clientAddress) {
        if (clientAddress.indexOf('/') >= 0) {
            return false;
        }
        byte[] client = unmapIpv4(IpLiteral.parse(clientAddress));
        if (client == null || client.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (client[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixBits % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (client[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static byte[] unmapIpv4(byte[] address) {
        if (address == null || address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return Arrays.copyOfRange(address, 12, 16);
    }
}
