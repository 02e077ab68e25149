package io.datamind.llm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * Resolves an organization's base URL host to the addresses it was checked to resolve to, and to nothing else. The
 * check happens when the organization's settings are read for a question; resolving the name again when connecting
 * would let a DNS server answer differently the second time (rebinding) and send the request to an address the check
 * never saw. Each check pins its addresses anew, so a provider whose addresses change is followed.
 */
final class PinnedDns implements Dns {

    private final String host;
    private volatile List<InetAddress> addresses;

    PinnedDns(String host, List<InetAddress> addresses) {
        this.host = host.toLowerCase(Locale.ROOT);
        this.addresses = List.copyOf(addresses);
    }

    /** The addresses of the latest check, for the connections opened from now on. */
    void pin(List<InetAddress> checked) {
        this.addresses = List.copyOf(checked);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (!host.equals(hostname.toLowerCase(Locale.ROOT))) {
            throw new UnknownHostException(hostname + " is not the checked host of this AI provider");
        }
        List<InetAddress> pinned = addresses;
        if (pinned.isEmpty()) {
            throw new UnknownHostException(hostname + " did not resolve when it was checked");
        }
        return pinned;
    }
}
