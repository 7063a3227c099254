package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaEvolutionTest {

    /** The public contract: old consumers must read new snapshots too. */
    private static final Set<String> FORWARD_TOO = Set.of("NewsEvent");

    static List<Schema> currentSchemas() {
        return List.of(RawArticle.getClassSchema(), NewsEvent.getClassSchema(), DeadLetter.getClassSchema(),
                SourceHealth.getClassSchema(), SeenItem.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaReadsWhatTheReleasedOneWrote(Schema current) throws IOException {
        Schema released = released(current.getName());

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, released).getType())
                .as("current %s must read data written with the released schema", current.getName())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        if (FORWARD_TOO.contains(current.getName())) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(released, current).getType())
                    .as("consumers holding the released %s must read current data", current.getName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void everyRecordAndFieldIsDocumented(Schema current) {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(current, undocumented);
        assertThat(undocumented).as("fields without a doc").isEmpty();
    }

    private static void collectUndocumented(Schema schema, List<String> out) {
        switch (schema.getType()) {
            case RECORD -> {
                if (blank(schema.getDoc())) {
                    out.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (blank(field.doc())) {
                        out.add(schema.getName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), out);
                }
            }
            case ARRAY -> collectUndocumented(schema.getElementType(), out);
            case MAP -> collectUndocumented(schema.getValueType(), out);
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, out));
            default -> { }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Schema released(String name) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        // Named types shared between schemas must be known before the schemas that use them.
        try (InputStream kind = SchemaEvolutionTest.class.getResourceAsStream("/released/SourceKind.avsc")) {
            parser.parse(kind);
        }
        if (name.equals("SourceKind")) {
            return parser.getTypes().get("io.newsflow.schemas.SourceKind");
        }
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/released/" + name + ".avsc")) {
            assertThat(in).as("released copy of %s", name).isNotNull();
            return parser.parse(in);
        }
    }
}
