package io.newsflow.ingest.feeds.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.feeds.config.AddressRange;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address classifier over every refused block, in IPv4, IPv6 and the IPv6 forms carrying IPv4. */
class AddressGuardTest {

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, unspecified", "0.255.1.2, unspecified", "::, unspecified",
            "127.0.0.1, loopback", "127.255.255.254, loopback", "::1, loopback",
            "10.0.0.1, private", "10.255.255.255, private", "172.16.0.1, private", "172.31.255.255, private",
            "192.168.0.1, private", "192.168.255.255, private", "fc00::1, private", "fd12:3456::1, private", "fec0::1, private",
            "169.254.169.254, link-local", "169.254.0.1, link-local", "fe80::1, link-local", "febf::1, link-local",
            "100.64.0.1, carrier-grade NAT", "100.127.255.255, carrier-grade NAT",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast",
            "255.255.255.255, reserved", "240.0.0.1, reserved",
    })
    void insideAddressesAreRefusedByKind(String address, String kind) throws UnknownHostException {
        assertThat(AddressGuard.blockedRange(InetAddress.getByName(address))).hasValueSatisfying(range -> assertThat(range).startsWith(kind + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.1", "192.167.255.255", "192.169.0.1", "169.253.255.255", "223.255.255.255", "11.0.0.1",
            "2606:4700:4700::1111", "2001:db8::1", "fbff::1", "fe7f::1", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void internetAddressesPass(String address) throws UnknownHostException {
        assertThat(AddressGuard.blockedRange(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "::ffff:127.0.0.1, loopback", "::ffff:169.254.169.254, link-local", "::ffff:10.1.2.3, private",
            "::ffff:100.64.1.1, carrier-grade NAT", "::ffff:0.0.0.0, unspecified", "::127.0.0.1, loopback",
            "::169.254.169.254, link-local", "64:ff9b::a9fe:a9fe, link-local", "64:ff9b::7f00:1, loopback",
            "2002:a9fe:a9fe::1, link-local", "2002:c0a8:0101::, private",
    })
    void ipv6FormsCarryingAnInsideIpv4AddressAreRefused(String address, String kind) throws UnknownHostException {
        // Built as Inet6Address from the raw bytes: InetAddress.getByName would fold ::ffff:a.b.c.d into IPv4 itself.
        byte[] bytes = InetAddress.getByName(address).getAddress();
        InetAddress v6 = Inet6Address.getByAddress(null, bytes.length == 16 ? bytes : mapped(bytes), -1);
        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(AddressGuard.blockedRange(v6)).hasValueSatisfying(range -> assertThat(range).startsWith(kind + " "));
    }

    @Test
    void anAllowedBlockLetsItsAddressesThroughAndNoOthers() throws UnknownHostException {
        AddressGuard guard = new AddressGuard(List.of("10.20.0.0/16", "fd00:1::/32"));
        guard.check("intranet", InetAddress.getByName("10.20.3.4"));
        guard.check("intranet", InetAddress.getByName("fd00:1::5"));
        assertThatThrownBy(() -> guard.check("other", InetAddress.getByName("10.21.0.1")))
                .isInstanceOf(AddressGuard.AddressRefusedException.class)
                .hasMessageContaining("10.21.0.1").hasMessageContaining("private");
        assertThatThrownBy(() -> guard.check("meta", InetAddress.getByName("169.254.169.254")))
                .hasMessageContaining("link-local").hasMessageContaining("allowedRanges");
        new AddressGuard(List.of()).check("public", InetAddress.getByName("8.8.8.8"));
    }

    @Test
    void theResolverRefusesANameWithAnInsideAddressAndReturnsTheAddressesItChecked() throws UnknownHostException {
        AddressGuard guard = new AddressGuard(List.of());
        assertThatThrownBy(() -> guard.resolve("localhost")).isInstanceOf(AddressGuard.AddressRefusedException.class);
        assertThatThrownBy(() -> guard.resolve("127.0.0.1", 80)).isInstanceOf(AddressGuard.AddressRefusedException.class);
        AddressGuard allowed = new AddressGuard(List.of("127.0.0.0/8"));
        assertThat(allowed.resolve("127.0.0.1", 8080)).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(endpoint.getPort()).isEqualTo(8080);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "fd00::/129", "intranet.example/16", "10.0.0/8", "10.0.0.0/x", "", "::g/8"})
    void aBadBlockIsRefusedWithWhatIsAllowed(String cidr) {
        assertThatThrownBy(() -> AddressRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + cidr + "'");
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(ipv4, 0, v6, 12, 4);
        return v6;
    }
}
