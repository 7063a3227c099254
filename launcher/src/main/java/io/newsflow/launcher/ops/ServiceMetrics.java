package io.newsflow.launcher.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Newsflow's service-wide meters beside the JVM binders: build info. The stages register their own
 * meters (articles in and out, dead letters, drop files, open events, grouping latency, sink rows,
 * batches and lag) and bind Micrometer's Kafka client and Kafka Streams binders to their clients, in the
 * global registry that {@link OpsServer} scrapes; docs/operations.md "Metrics" lists them all.
 */
public final class ServiceMetrics {

    private static final String BUILD_FILE = "/newsflow-build.properties";

    private ServiceMetrics() {
    }

    public static void bindTo(MeterRegistry registry) {
        Properties build = buildProperties();
        Gauge.builder("newsflow.build.info", () -> 1)
                .description("Always 1; the version and git commit of the running build are its labels")
                .tag("version", build.getProperty("version", "unknown"))
                .tag("commit", build.getProperty("commit", "unknown"))
                .register(registry);
    }

    /** What Maven wrote at build time; "unknown" values when run from classes built some other way. */
    static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = ServiceMetrics.class.getResourceAsStream(BUILD_FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // no build info is no reason not to serve metrics
        }
        properties.replaceAll((key, value) -> value.toString().isBlank() || value.toString().startsWith("${")
                ? "unknown" : value);
        return properties;
    }
}
