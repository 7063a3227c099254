package io.newsflow.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaTest {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaTest.class);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    static Path sharedDir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        long began = System.nanoTime();
        kafka = EmbeddedKafka.start(sharedDir.resolve("kafka"));
        log.info("First start (format + start) took {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            logFootprint();
            kafka.close();
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void createsMissingTopicsAndLeavesExistingOnesAlone() throws Exception {
        kafka.createTopics(List.of(new NewTopic("created-once", 3, (short) 1)));
        kafka.createTopics(List.of(new NewTopic("created-once", 1, (short) 1), new NewTopic("created-later", 1, (short) 1)));

        try (Admin admin = admin(kafka)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("created-once", "created-later"))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get("created-once").partitions()).hasSize(3);
            assertThat(topics.get("created-later").partitions()).hasSize(1);
        }
    }

    @Test
    void idempotentProducerWithAcksAllRecordsComeBack() {
        kafka.createTopics(List.of(new NewTopic("idempotent", 2, (short) 1)));

        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>("idempotent", "k" + i, "v" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> records = consume(kafka, "idempotent", "read_uncommitted", r -> r.size() >= 100);
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).mapToObj(i -> "v" + i).toList());
    }

    @Test
    void transactionalProducerCommitsAndAborts() {
        kafka.createTopics(List.of(new NewTopic("transactional", 1, (short) 1)));

        try (KafkaProducer<String, String> producer = producer(kafka,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test-tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "a", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "c", "committed-1"));
            producer.send(new ProducerRecord<>("transactional", "c", "committed-2"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records =
                consume(kafka, "transactional", "read_committed", r -> r.size() >= 2);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2");
    }

    @Test
    void exactlyOnceStreamsAppProcessesRecords() throws Exception {
        kafka.createTopics(List.of(new NewTopic("eos-in", 1, (short) 1), new NewTopic("eos-out", 1, (short) 1)));
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("eos-in", "k" + i, "news " + i));
            }
        }

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v.toUpperCase(Locale.ROOT), Named.as("shout"))
                .to("eos-out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-kafka-test-eos");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(sharedDir.resolve("streams")).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            List<ConsumerRecord<String, String>> records =
                    consume(kafka, "eos-out", "read_committed", r -> r.size() >= 10);
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "NEWS " + i).toList());
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void aFatalBrokerErrorCannotEndTheJvm() {
        // Kafka's fatal fault handlers call Exit.halt; without the guard this would kill the test JVM.
        assertThatThrownBy(() -> Exit.halt(1, "simulated fatal controller fault"))
                .isInstanceOf(EmbeddedKafka.EmbeddedKafkaFatalError.class)
                .hasMessageContaining("simulated fatal controller fault");
        assertThatThrownBy(() -> Exit.exit(1))
                .isInstanceOf(EmbeddedKafka.EmbeddedKafkaFatalError.class);
    }

    @Test
    void aFixedPortIsTheSameAfterARestartAndATakenOneIsAClearError(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String first;
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("fixed"), port)) {
            first = broker.bootstrapServers();
        }
        try (EmbeddedKafka restarted = EmbeddedKafka.start(dir.resolve("fixed"), port)) {
            assertThat(restarted.bootstrapServers()).isEqualTo(first).isEqualTo("127.0.0.1:" + port);
        }
        int taken = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        assertThatThrownBy(() -> EmbeddedKafka.start(dir.resolve("other"), taken))
                .isInstanceOfSatisfying(EmbeddedKafka.PortTakenException.class, e -> assertThat(e.port()).isEqualTo(taken))
                .hasMessage("port " + taken + " on 127.0.0.1 is taken");
    }

    @Test
    void secondBrokerOnTheSameDirectoryIsRefusedClearly() {
        assertThatThrownBy(() -> EmbeddedKafka.start(kafka.dataDir()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already used by another embedded broker");
    }

    @Test
    void directoryHeldByAnotherProcessIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("kafka"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DirectoryLockHolder.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader holderOutput = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(holderOutput.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedKafka.start(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(data.toString())
                    .hasMessageContaining("in use by another process");
            assertThat(data.resolve("meta.properties")).doesNotExist();
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aPortTakenBeforeTheBrokerBindsItIsReplaced(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // First try: broker port taken, controller port free. Second try: two fresh ports.
            List<Integer> offered = List.of(taken.getLocalPort(), freePort(), freePort(), freePort());
            Deque<Integer> ports = new ArrayDeque<>(offered);

            try (EmbeddedKafka broker = EmbeddedKafka.builder(dir.resolve("kafka")).ports(ports::removeFirst).start()) {
                assertThat(ports).isEmpty();
                assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + offered.get(2));
                broker.createTopics(List.of(new NewTopic("after-retry", 1, (short) 1)));
            }
        }
    }

    @Test
    void brokerSettingsGoBeyondTheDefaultsButNotIntoTheWiring(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> EmbeddedKafka.builder(dir).brokerSetting("listeners", "PLAINTEXT://0.0.0.0:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");

        try (EmbeddedKafka broker = EmbeddedKafka.builder(dir.resolve("kafka"))
                .brokerSetting("auto.create.topics.enable", "true")
                .brokerSetting("num.partitions", "3")
                .start()) {
            try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
                producer.send(new ProducerRecord<>("created-on-first-use", "k", "v")).get(15, TimeUnit.SECONDS);
            }
            try (Admin admin = admin(broker)) {
                assertThat(admin.describeTopics(List.of("created-on-first-use")).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get("created-on-first-use").partitions()).hasSize(3);
            }
        }
    }

    @Test
    void restartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("kafka");
        try (EmbeddedKafka first = EmbeddedKafka.start(data)) {
            first.createTopics(List.of(new NewTopic("kept", 2, (short) 1)));
            try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
                producer.send(new ProducerRecord<>("kept", "article-1", "before restart"));
                producer.send(new ProducerRecord<>("kept", "article-2", "also before restart"));
            }
        }

        long began = System.nanoTime();
        try (EmbeddedKafka second = EmbeddedKafka.start(data)) {
            log.info("Restart on an existing directory took {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            try (Admin admin = admin(second)) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("kept");
            } catch (Exception e) {
                throw new AssertionError("Cannot list topics after restart", e);
            }
            List<ConsumerRecord<String, String>> records = consume(second, "kept", "read_committed", r -> r.size() >= 2);
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before restart", "also before restart");

            // A topic that survived the restart is left alone; a new one still reaches the controller,
            // although the controller listens on another port than the one written when formatting.
            second.createTopics(List.of(new NewTopic("kept", 2, (short) 1), new NewTopic("after-restart", 1, (short) 1)));
            try (Admin admin = admin(second)) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("kept", "after-restart");
            } catch (Exception e) {
                throw new AssertionError("Cannot list topics after restart", e);
            }
        }
        assertThat(Files.exists(data.resolve("meta.properties"))).isTrue();
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka broker, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start until {@code enough} holds or the deadline passes. */
    private static List<ConsumerRecord<String, String>> consume(EmbeddedKafka broker, String topic, String isolation,
                                                                Predicate<List<ConsumerRecord<String, String>>> enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!enough.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Admin admin(EmbeddedKafka broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Not an assertion: a figure for the report, as measured inside the test JVM. */
    private static void logFootprint() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapUsedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        String rss = "unknown";
        try {
            rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse(rss);
        } catch (IOException | RuntimeException e) {
            log.debug("No /proc/self/status here", e);
        }
        log.info("Footprint with broker and clients: heap used {} MB after GC, {}, {} threads, uptime {} ms",
                heapUsedMb, rss, Thread.activeCount(), ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
