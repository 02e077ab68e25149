package io.datamind.datasource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the host field without touching the network: a DNS name, a plain dotted IPv4 address or an IPv6 literal,
 * and nothing else. Numeric spellings that some resolvers accept ({@code 2852039166}, {@code 0xA9FEA9FE}, {@code
 * 0251.0376.0251.0376}, {@code 127.1}) are refused rather than interpreted, because different parsers disagree on
 * them and a name that looks numeric would otherwise go to DNS.
 */
final class HostSyntax {

    /** Names of cloud metadata services; refused before any lookup so not even a DNS query leaves. */
    static final Set<String> METADATA_NAMES = Set.of(
            "metadata",
            "metadata.google.internal",
            "metadata.goog",
            "instance-data",
            "instance-data.ec2.internal",
            "metadata.azure.internal",
            "metadata.tencentyun.com");

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    /** A syntactically valid host: a literal address, or a name that still has to be resolved. */
    record Host(String display, InetAddress literal) {}

    private HostSyntax() {}

    /** Returns the host, or null after adding the reason to {@code errors}. */
    static Host parse(String raw, String field, FieldErrors errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (raw.length() > MAX_NAME_LENGTH + 2) {
            errors.add(field, "is too long (at most 253 characters)");
            return null;
        }
        if (!FieldRules.printableAscii(raw)) {
            errors.add(field, "must not contain spaces, control characters or non-ASCII characters");
            return null;
        }
        String text = raw;
        boolean bracketed = text.length() > 2 && text.startsWith("[") && text.endsWith("]");
        if (bracketed) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.indexOf(':') >= 0 || bracketed) {
            InetAddress address = ipv6Literal(text);
            if (address == null) {
                errors.add(
                        field,
                        "must be a host name or an IP address only, without a port, path or parameters"
                                + " (the port has its own field)");
                return null;
            }
            return new Host(text.toLowerCase(Locale.ROOT), address);
        }
        if (text.length() > MAX_NAME_LENGTH) {
            errors.add(field, "is too long (at most " + MAX_NAME_LENGTH + " characters)");
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                errors.add(
                        field,
                        "must be a host name or an IP address only; URL syntax such as / ? # & ; = % ( ) , @ : [ ]"
                                + " is not allowed");
                return null;
            }
        }
        String[] labels = text.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || label.startsWith("-") || label.endsWith("-")) {
                errors.add(field, "is not a valid host name");
                return null;
            }
        }
        String last = labels[labels.length - 1];
        if (Character.isDigit(last.charAt(0))) {
            byte[] ipv4 = canonicalIpv4(text);
            if (ipv4 == null) {
                errors.add(
                        field,
                        "numeric addresses must be written as four decimal numbers (a.b.c.d); decimal, octal,"
                                + " hexadecimal and shortened spellings are refused");
                return null;
            }
            return new Host(text, literal(ipv4));
        }
        String name = text.toLowerCase(Locale.ROOT);
        if (METADATA_NAMES.contains(name)) {
            errors.add(field, "cloud metadata services cannot be used as data sources");
            return null;
        }
        return new Host(name, null);
    }

    /** Four decimal numbers 0-255 without leading zeros (which some parsers read as octal), or null. */
    static byte[] canonicalIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static InetAddress ipv6Literal(String text) {
        if (text.isEmpty() || text.length() > 45 || text.indexOf(':') < 0) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.digit(c, 16) >= 0 && c < 128) && c != ':' && c != '.') {
                return null;
            }
        }
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0
                && (text.indexOf('.') < lastColon || canonicalIpv4(text.substring(lastColon + 1)) == null)) {
            return null; // dots only in a trailing, plainly written IPv4 part
        }
        if (Character.digit(text.charAt(0), 16) < 0 && text.charAt(0) != ':') {
            return null;
        }
        try {
            // Starting with a hex digit or ':' and containing ':', the JDK parses this as an IPv6 literal or
            // refuses it; it never sends such a string to DNS.
            return pinned(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The same address with its own numeric text as host name, so {@code getHostName()} can neither trigger a
     * reverse lookup nor hand a resolvable name to anything downstream.
     */
    static InetAddress pinned(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getHostAddress(), address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return pinned(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
