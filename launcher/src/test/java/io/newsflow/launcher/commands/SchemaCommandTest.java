package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.Newsflow;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.wire.RegistryStandIn;
import io.newsflow.wire.ReleasedSchemas;
import io.newsflow.wire.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** `newsflow schema`: the contract as JSON, the released versions, and registration in a registry. */
class SchemaCommandTest {

    @Test
    void printsThisBuildsSchemaOfTheNamedRecord() {
        assertThat(new Schema.Parser().parse(run("schema"))).isEqualTo(NewsEvent.getClassSchema());
        assertThat(new Schema.Parser().parse(run("schema", "--name", "DeadLetter"))).isEqualTo(DeadLetter.getClassSchema());
    }

    @Test
    void listsAndPrintsTheReleasedVersions() {
        List<Schema> released = ReleasedSchemas.of("NewsEvent");
        List<String> expected = new ArrayList<>();
        for (int k = 1; k <= released.size(); k++) {
            expected.add("NewsEvent v" + k + " fingerprint=" + fingerprint(released.get(k - 1)));
        }
        int asReleased = released.indexOf(NewsEvent.getClassSchema());
        expected.add("NewsEvent build fingerprint=" + fingerprint(NewsEvent.getClassSchema()) + " released="
                + (asReleased < 0 ? "no" : "v" + (asReleased + 1)));
        assertThat(run("schema", "--released").lines().toList()).isEqualTo(expected);
        assertThat(new Schema.Parser().parse(run("schema", "--released-version", "1"))).isEqualTo(released.get(0));
    }

    @Test
    void anUnknownRecordIsAUserError() {
        assertThat(Newsflow.execute("schema", "--name", "Nope")).isEqualTo(Newsflow.USER_ERROR);
        assertThat(Newsflow.execute("schema", "--released-version", "99")).isEqualTo(Newsflow.USER_ERROR);
    }

    @Test
    void registersUnderThePrefixedSubjectOfTheRecordsTopic() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn()) {
            ChildNewsflow run = ChildNewsflow.run(Map.of("NEWSFLOW_SCHEMA_REGISTRY_URL", registry.url(), "NEWSFLOW_TOPIC_PREFIX", "prod."),
                    "schema", "--register");
            assertThat(run.exit()).as(String.join("\n", run.stderr())).isZero();
            assertThat(run.stdout()).singleElement().asString().matches("registered subject=prod\\.events-value id=\\d+");
            assertThat(new SchemaRegistryClient(registry.url()).schemasOfSubject("prod.events-value"))
                    .containsExactly(NewsEvent.getClassSchema());
        }
        ChildNewsflow noRegistry = ChildNewsflow.run(Map.of(), "schema", "--register");
        assertThat(noRegistry.exit()).isEqualTo(Newsflow.USER_ERROR);
        assertThat(noRegistry.stderr()).containsExactly("newsflow schema: NEWSFLOW_SCHEMA_REGISTRY_URL is not set: no registry to register in");
    }

    private static String fingerprint(Schema schema) {
        return String.format("%016x", SchemaNormalization.parsingFingerprint64(schema));
    }

    /** Standard output of an in-process run that must succeed. */
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Newsflow.execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(code).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
