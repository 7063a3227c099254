package io.newsflow.topics;

/**
 * Avro 1.12 refuses to instantiate classes outside the packages named in
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}; Newsflow's generated classes must be trusted.
 */
public final class AvroTrust {

    private static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private AvroTrust() {
    }

    public static void trustNewsflowPackages() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, "io.newsflow");
        } else if (!current.contains("io.newsflow")) {
            System.setProperty(PROPERTY, current + ",io.newsflow");
        }
    }
}
