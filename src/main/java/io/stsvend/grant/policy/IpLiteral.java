package io.stsvend.grant.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict parser for textual IPv4 and IPv6 addresses, written by hand so that no input can ever trigger a DNS
 * lookup (as {@code InetAddress.getByName} would for anything that is not a literal).
 *
 * <p>IPv4: exactly four dot-separated decimal octets 0–255, no leading zeros (so {@code 010.0.0.1}, which some
 * parsers read as octal, is rejected). IPv6: RFC 4291 text form with at most one {@code ::} and an optional trailing
 * dotted IPv4 part; no zone ids ({@code %eth0}) and no brackets. Results are 4 or 16 bytes.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The address bytes, or {@code null} if {@code text} is not a valid IPv4 or IPv6 literal. */
    static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = decimal(parts[i], 3);
            if (octet < 0 || octet > 255) {
                return null;
            }
            out[i] = (byte) octet;
        }
        return out;
    }

    /** A non-negative decimal of 1..maxDigits digits without leading zeros, or -1. */
    static int decimal(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null; // two "::", or ":::"
        }
        List<Integer> head = words(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
        List<Integer> tail = gap >= 0 ? words(text.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int present = head.size() + tail.size();
        if (gap < 0 ? present != 8 : present > 7) {
            return null;
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = present; i < 8; i++) {
            all.add(0);
        }
        all.addAll(tail);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all.get(i) >> 8);
            out[2 * i + 1] = (byte) (int) all.get(i);
        }
        return out;
    }

    /** 16-bit words of a colon-separated run; the last group may be dotted IPv4 if {@code lastMayBeV4}. */
    private static List<Integer> words(String run, boolean lastMayBeV4) {
        List<Integer> out = new ArrayList<>();
        if (run.isEmpty()) {
            return out;
        }
        String[] groups = run.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (lastMayBeV4 && i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseV4(g);
                if (v4 == null) {
                    return null;
                }
                out.add((v4[0] & 0xff) << 8 | (v4[1] & 0xff));
                out.add((v4[2] & 0xff) << 8 | (v4[3] & 0xff));
            } else if (g.isEmpty() || g.length() > 4 || !isHex(g)) {
                return null;
            } else {
                out.add(Integer.parseInt(g, 16));
            }
        }
        return out;
    }

    private static boolean isHex(String g) {
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }
}
