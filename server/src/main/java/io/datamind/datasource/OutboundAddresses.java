package io.datamind.datasource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
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
     * The verdict on a host DataMind is about to connect to: why it must not, or the addresses it may connect to.
     *
     * @param refusal why not, as a phrase that names the host; null when it may
     * @param addresses when allowed, the addresses the host resolved to, each of which passed: connect to these and
     *     do not resolve the name again, or a second answer could differ (DNS rebinding). Empty when the name did not
     *     resolve; the literal address for an IP literal
     */
    public record Verdict(String refusal, List<InetAddress> addresses) {

        public Verdict {
            addresses = List.copyOf(addresses);
        }

        public boolean refused() {
            return refusal != null;
        }

        static Verdict refuse(String reason) {
            return new Verdict(reason, List.of());
        }
    }

    /**
     * Why DataMind must not connect to this host, as a phrase that names it; empty when it may. A name is resolved
     * and every address it has must pass. A name that does not resolve is not refused here: nothing can be reached
     * through it now, and it is judged again whenever it is about to be used.
     *
     * @param host a DNS name, a dotted IPv4 address or an IPv6 literal, bracketed or not, as in a URL
     */
    public Optional<String> refusal(String host) {
        return Optional.ofNullable(judge(host).refusal());
    }

    /**
     * Judges the host as {@link #refusal} does, resolving a name once, and hands out the addresses that passed so
     * the connection can be made to exactly those.
     *
     * @param host a DNS name, a dotted IPv4 address or an IPv6 literal, bracketed or not, as in a URL
     */
    public Verdict judge(String host) {
        if (host == null || host.isBlank()) {
            return Verdict.refuse("a host is required");
        }
        if (HostSyntax.METADATA_NAMES.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return Verdict.refuse(host.strip() + " is a cloud metadata service");
        }
        FieldErrors errors = new FieldErrors();
        HostSyntax.Host parsed = HostSyntax.parse(host.strip(), "host", errors);
        if (parsed == null) {
            return Verdict.refuse(host.strip() + ": " + errors.firstMessage());
        }
        if (parsed.literal() != null) {
            String reason = policy.refusal(parsed.literal());
            return reason == null
                    ? new Verdict(null, List.of(parsed.literal()))
                    : Verdict.refuse(parsed.display() + " " + reason);
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(parsed.display());
        } catch (UnknownHostException e) {
            return new Verdict(null, List.of());
        }
        List<InetAddress> addresses = resolved == null ? List.of() : List.of(resolved);
        for (InetAddress address : addresses) {
            String reason = policy.refusal(address);
            if (reason != null) {
                return Verdict.refuse(
                        parsed.display() + " resolves to " + address.getHostAddress() + ", which " + reason);
            }
        }
        return new Verdict(null, addresses);
    }
}
