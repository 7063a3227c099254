package io.newsflow.launcher.config;

import io.newsflow.wire.SchemaRegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The schema registry client the settings describe: URL, basic authentication, trust store for TLS. */
final class RegistryAccessSettings {

    private RegistryAccessSettings() {
    }

    /** The client, or null when no registry is configured (Avro single-object encoding). */
    static SchemaRegistryClient client(Settings settings) {
        if (!settings.isSet(Setting.NEWSFLOW_SCHEMA_REGISTRY_URL)) {
            return null;
        }
        SSLContext tls = settings.isSet(Setting.NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE) ? sslContext(settings) : null;
        return new SchemaRegistryClient(settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_URL), new SchemaRegistryClient.Access(
                settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_USER), settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_PASSWORD), tls));
    }

    /** A TLS context trusting the certificates of the configured trust store (and only those). */
    static SSLContext sslContext(Settings settings) {
        Path file = Path.of(settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE));
        char[] password = settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD).toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE_TYPE));
            store.load(in, password.length == 0 ? null : password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(Setting.NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE.name() + ": cannot load "
                    + file + " as " + settings.get(Setting.NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE_TYPE) + " (" + e.getMessage() + ")");
        }
    }
}
