package io.datamind.datasource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a host that a user chose for DataMind to connect to by the rules data sources follow (see {@link
 * AddressPolicy}): link-local, cloud metadata, unspecified, multicast and reserved addresses are always refused,
 * loopback and private ones only when private networks are switched off, and cloud metadata host names before any
 * lookup. Other modules use it for addresses they accept from users, such as an organization's AI provider base URL.
 */
public final class OutboundAddresses {

    private final AddressPolicy policy;
    private final HostResolver resolver;

    OutboundAddresses(boolean allowPrivateNetworks, HostResolver resolver) {
        this.policy = new AddressPolicy(allowPrivateNetworks);
        this.resolver = resolver;
    }

    /** With the system resolver. */
    public static OutboundAddresses of(boolean allowPrivateNetworks) {
        return new OutboundAddresses(allowPrivateNetworks, HostResolver.SYSTEM);
    }

    /**
     * Why DataMind must not connect to this host, as a phrase that names it; empty when it may. A name is resolved
     * and every address it has must pass. A name that does not resolve is not refused here: nothing can be reached
     * through it now, and it is judged again whenever it is about to be used.
     *
     * @param host a DNS name, a dotted IPv4 address or an IPv6 literal, bracketed or not, as in a URL
     */
    public Optional<String> refusal(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("a host is required");
        }
        if (HostSyntax.METADATA_NAMES.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(host.strip() + " is a cloud metadata service");
        }
        FieldErrors errors = new FieldErrors();
        HostSyntax.Host parsed = HostSyntax.parse(host.strip(), "host", errors);
        if (parsed == null) {
            return Optional.of(host.strip() + ": " + errors.firstMessage());
        }
        if (parsed.literal() != null) {
            return Optional.ofNullable(policy.refusal(parsed.literal())).map(reason -> parsed.display() + " " + reason);
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(parsed.display());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : resolved == null ? new InetAddress[0] : resolved) {
            String reason = policy.refusal(address);
            if (reason != null) {
                return Optional.of(parsed.display() + " resolves to " + address.getHostAddress() + ", which " + reason);
            }
        }
        return Optional.empty();
    }
}
