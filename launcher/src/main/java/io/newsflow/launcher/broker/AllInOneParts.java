package io.newsflow.launcher.broker;

import java.util.List;

/**
 * The parts that only {@code ./newsflow} and the all-in-one image carry ({@code provided} in launcher/pom.xml, so
 * kept out of the service image): the embedded Kafka broker and the offline evaluation. A command that needs
 * one in the service image fails with one line saying what to do, rather than a NoClassDefFoundError.
 */
public enum AllInOneParts {
    // The broker module and the Kafka server jars it runs on: the launcher names the one, which needs the other.
    EMBEDDED_BROKER(List.of("io.newsflow.broker.EmbeddedKafka", "kafka.server.KafkaRaftServer"),
            "the embedded Kafka broker", "set KAFKA_BOOTSTRAP_SERVERS to a running cluster"),
    // The eval module and Kafka's TopologyTestDriver, which it drives the enrich topology with.
    EVALUATION(List.of("io.newsflow.eval.CorpusEvaluation", "org.apache.kafka.streams.TopologyTestDriver"),
            "the offline evaluation (eval module)", "run it with ./newsflow");

    private final List<String> classNames;
    private final String what;
    private final String otherwise;

    AllInOneParts(List<String> classNames, String what, String otherwise) {
        this.classNames = classNames;
        this.what = what;
        this.otherwise = otherwise;
    }

    /** Returns normally when this part is on the class path; else throws with the one line to show. */
    public void require() {
        if (!classNames.stream().allMatch(AllInOneParts::present)) {
            throw new io.newsflow.launcher.config.ConfigurationException(what + " is not in this image (the service image): use the all-in-one image "
                    + "(docker build --target all-in-one) or " + otherwise);
        }
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, AllInOneParts.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
