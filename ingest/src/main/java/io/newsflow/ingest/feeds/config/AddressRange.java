package io.newsflow.ingest.feeds.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A CIDR block such as {@code 10.0.0.0/8} or {@code fc00::/7}. IPv4 blocks also match the
 * IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms of their addresses, which reach the same hosts.
 *
 * @param text   the block as written
 * @param prefix the network's address bytes (4 or 16)
 * @param bits   the prefix length
 */
public record AddressRange(String text, byte[] prefix, int bits) {

    /** Parses {@code address/bits}; an address alone is a block of one. Only literals: never looks a name up. */
    public static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = address.contains(":") && address.matches("[0-9a-fA-F.:]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block (e.g. 10.20.0.0/16, fd00::/8)");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();  // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block (e.g. 10.20.0.0/16, fd00::/8)");
        }
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bytes.length * 8);
        }
        return new AddressRange(text.toLowerCase(Locale.ROOT), bytes, bits);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != prefix.length) {
            InetAddress embedded = embeddedIpv4(address);
            return embedded != null && contains(embedded);
        }
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address inside an IPv6 address that carries one (mapped, compatible, NAT64, 6to4), else null. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean zeros80 = allZero(b, 0, 10);
        int from = -1;
        if (zeros80 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            from = 12;  // ::ffff:a.b.c.d, IPv4-mapped
        } else if (zeros80 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 14)) {
            from = 12;  // ::a.b.c.d, IPv4-compatible (deprecated, still routed by some stacks); not :: or ::1
        } else if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && allZero(b, 4, 12)) {
            from = 12;  // 64:ff9b::a.b.c.d, NAT64 well-known prefix
        } else if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            from = 2;  // 2002:aabb:ccdd::, 6to4
        }
        if (from < 0) {
            return null;
        }
        try {
            return Inet4Address.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);  // four bytes are always an address
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.bits == bits && Arrays.equals(range.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
        return text;
    }
}
