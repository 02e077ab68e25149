package io.datamind.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP literals only. {@link InetAddress#getByName} would resolve anything else through DNS, which a
 * request header must never be able to trigger.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[([^\\]]+)](?::\\d{1,5})?");
    // Starts with a hex digit or ':' and contains ':', so the JDK treats it as a literal and never looks it up.
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private IpAddresses() {}

    /** The address written in {@code text} (an IPv4 or IPv6 literal, optionally with a port), or empty. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        var bracketed = IPV6_BRACKETED.matcher(candidate);
        if (bracketed.matches()) {
            candidate = bracketed.group(1);
        } else {
            var withPort = IPV4_WITH_PORT.matcher(candidate);
            if (withPort.matches()) {
                candidate = withPort.group(1);
            }
        }
        var ipv4 = IPV4.matcher(candidate);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes);
        }
        if (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches()) {
            try {
                return Optional.of(InetAddress.getByName(candidate));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or CIDR range, e.g. {@code 10.0.0.0/8}, {@code 192.168.1.7} or {@code fd00::/8}. */
    record Range(byte[] network, int prefixLength) {

        static Range parse(String text) {
            String trimmed = text.trim();
            int slash = trimmed.indexOf('/');
            String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
            byte[] network = IpAddresses.parse(address)
                    .map(InetAddress::getAddress)
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + text));
            int prefixLength = network.length * 8;
            if (slash >= 0) {
                try {
                    prefixLength = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
                }
                if (prefixLength < 0 || prefixLength > network.length * 8) {
                    throw new IllegalArgumentException("Prefix length out of range in " + text);
                }
            }
            return new Range(network, prefixLength);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
