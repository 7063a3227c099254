package io.newsflow.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against a registry that wants TLS and basic authentication. The server certificate
 * is self-signed, made by the JDK's keytool; the client trusts it only through the trust store it is given.
 */
class SecuredRegistryTest {

    private static final char[] STORE_PASSWORD = "store-secret".toCharArray();
    private static final Schema SCHEMA = SchemaBuilder.record("Probe").namespace("io.newsflow.test")
            .fields().requiredString("id").endRecord();

    @TempDir
    static Path dir;

    private static SSLContext serverTls;
    private static SSLContext clientTls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keyStore = dir.resolve("registry.p12");
        Path certificate = dir.resolve("registry.pem");
        Path trustStore = dir.resolve("trust.p12");
        String password = new String(STORE_PASSWORD);
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", password);
        keytool("-exportcert", "-alias", "registry", "-rfc", "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", password);

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), STORE_PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);
    }

    @Test
    void registersAndFetchesOverTlsWithBasicAuthentication() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn(serverTls, "newsflow", "registry-secret")) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.url(),
                    new SchemaRegistryClient.Access("newsflow", "registry-secret", clientTls));

            int id = client.register("probe-value", SCHEMA);

            SchemaRegistryClient reader = new SchemaRegistryClient(registry.url(),
                    new SchemaRegistryClient.Access("newsflow", "registry-secret", clientTls));
            assertThat(reader.schemaById(id)).isEqualTo(SCHEMA);
            assertThat(registry.subjects).containsExactly("probe-value");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithTheRegistrysAnswer() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn(serverTls, "newsflow", "registry-secret")) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.url(),
                    new SchemaRegistryClient.Access("newsflow", "wrong", clientTls));

            assertThatThrownBy(() -> client.register("probe-value", SCHEMA))
                    .isInstanceOf(SchemaRegistryClient.SchemaRegistryException.class).hasMessageContaining("answered 401");
            assertThat(registry.subjects).isEmpty();
        }
    }

    @Test
    void aCertificateOutsideTheTrustStoreIsRefused() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn(serverTls, null, null)) {
            SchemaRegistryClient client = new SchemaRegistryClient(registry.url()); // the JVM's default trust store

            assertThatThrownBy(() -> client.register("probe-value", SCHEMA))
                    .isInstanceOf(SchemaRegistryClient.SchemaRegistryException.class).hasMessageContaining("unreachable");
            assertThat(registry.subjects).isEmpty();
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }
}
