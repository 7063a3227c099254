package io.newsflow.ingest.feeds.http;

import io.newsflow.ingest.feeds.config.AddressRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Keeps fetches that feed content chooses (item links, redirects) away from the inside of the
 * network: loopback, private, link-local (with the 169.254.169.254 cloud metadata address),
 * unspecified, multicast and carrier-grade NAT addresses, in IPv4, IPv6 and the IPv6 forms that
 * carry an IPv4 address, unless an operator allowed the block.
 *
 * <p>It is the DNS resolver of the HTTP client that makes those fetches, which is how the address
 * checked is the address connected to: a name is resolved once, here, refused if any of its
 * addresses is inside, and the connection is opened to exactly the addresses returned (the
 * client does not resolve again, so a second DNS answer cannot swap in another address).
 */
final class AddressGuard implements DnsResolver {

    /** The blocks refused, by what they are. */
    private static final Map<String, List<AddressRange>> BLOCKED = Map.of(
            "unspecified", ranges("0.0.0.0/8", "::/128"),
            "loopback", ranges("127.0.0.0/8", "::1/128"),
            "private", ranges("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"),
            "link-local", ranges("169.254.0.0/16", "fe80::/10"),
            "carrier-grade NAT", ranges("100.64.0.0/10"),
            "multicast", ranges("224.0.0.0/4", "ff00::/8"),
            "reserved", ranges("240.0.0.0/4"));

    private final List<AddressRange> allowed;

    AddressGuard(List<String> allowedRanges) {
        this.allowed = allowedRanges.stream().map(AddressRange::parse).toList();
    }

    /** What kind of inside address this is (e.g. "loopback"), or empty for an address on the internet. */
    static Optional<String> blockedRange(InetAddress address) {
        for (Map.Entry<String, List<AddressRange>> kind : BLOCKED.entrySet()) {
            for (AddressRange range : kind.getValue()) {
                if (range.contains(address)) {
                    return Optional.of(kind.getKey() + " " + range);
                }
            }
        }
        return Optional.empty();
    }

    /** Refuses an inside address that no allowed block covers. */
    void check(String host, InetAddress address) throws AddressRefusedException {
        Optional<String> blocked = blockedRange(address);
        if (blocked.isPresent() && allowed.stream().noneMatch(range -> range.contains(address))) {
            throw new AddressRefusedException(host, address, blocked.get());
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        // All or nothing: a name with one inside address among public ones is refused as a whole.
        for (InetAddress address : addresses) {
            check(host, address);
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> endpoints = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            endpoints.add(new InetSocketAddress(address, port));
        }
        return endpoints;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    private static List<AddressRange> ranges(String... cidrs) {
        return List.of(cidrs).stream().map(AddressRange::parse).toList();
    }

    /** A host that resolved to an address the guard refuses; an UnknownHostException so the HTTP client passes it through. */
    static final class AddressRefusedException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        AddressRefusedException(String host, InetAddress address, String range) {
            super(host + " resolves to " + address.getHostAddress() + " (" + range + "), which feed content may not reach;"
                    + " allow it with polling.allowedRanges");
        }
    }
}
