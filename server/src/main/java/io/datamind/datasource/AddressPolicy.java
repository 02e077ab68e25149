package io.datamind.datasource;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Which resolved addresses a data source may point at. Link-local, cloud metadata, unspecified, multicast and
 * reserved addresses are always refused; private and loopback ones only when private networks are switched off.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by that IPv4 address.
 */
final class AddressPolicy {

    private final boolean allowPrivateNetworks;

    AddressPolicy(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why the address is refused, or null when it may be used. */
    String refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? refusalV4(bytes) : refusalV6(bytes);
    }

    private String refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254) {
            return "is a link-local address (where cloud metadata services live)";
        }
        if ((a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200) || (a0 == 192 && a1 == 0 && a2 == 0 && a3 == 192)) {
            return "is a cloud metadata address"; // Alibaba Cloud; Oracle Cloud (classic)
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return "is a reserved address";
        }
        if (a0 == 0) {
            return "is an unspecified address";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "is a multicast address";
        }
        if (a0 >= 240) {
            return "is a reserved or broadcast address";
        }
        boolean loopback = a0 == 127;
        boolean privateRange = a0 == 10
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127);
        return loopback || privateRange ? privateRefusal(loopback) : null;
    }

    private String refusalV6(byte[] b) {
        if (allZero(b, 0, 16)) {
            return "is an unspecified address";
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return privateRefusal(true);
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, false); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return embedded(b, 12, false); // ::ffff:0:a.b.c.d, IPv4-translated (SIIT)
        }
        if (allZero(b, 0, 12)) {
            return embedded(b, 12, false); // ::a.b.c.d, the deprecated IPv4-compatible form
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && (allZero(b, 4, 12) || (b[4] == 0 && b[5] == 1))) {
            return embedded(b, 12, false); // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
        }
        if (startsWith(b, 0x20, 0x02)) {
            return embedded(b, 2, false); // 6to4 2002:aabb:ccdd::/48
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            String server = embedded(b, 4, false); // Teredo: server address, then the client's, inverted
            return server != null ? server : embedded(b, 12, true);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return "is a multicast address";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "is a link-local address (where cloud metadata services live)";
        }
        if (startsWith(b, 0xfd, 0x00, 0x0e, 0xc2) && allZero(b, 4, 14) && (b[14] & 0xff) == 0x02 && b[15] == 0x54) {
            return "is a cloud metadata address";
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
            return privateRefusal(false); // unique local fc00::/7, old site-local fec0::/10
        }
        return null;
    }

    private String embedded(byte[] b, int offset, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~b[offset + i] : b[offset + i]);
        }
        String reason = refusalV4(v4);
        return reason == null ? null : reason + " (inside an IPv6 address)";
    }

    private String privateRefusal(boolean loopback) {
        if (allowPrivateNetworks) {
            return null;
        }
        return loopback
                ? "is a loopback address, and private networks are switched off on this server"
                : "is a private network address, and private networks are switched off on this server";
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
