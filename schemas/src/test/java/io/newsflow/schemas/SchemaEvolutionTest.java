package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.newsflow.wire.ReleasedSchemas;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaEvolutionTest {

    /** The public contract: old consumers must read new snapshots too. */
    private static final Set<String> FORWARD_TOO = Set.of("NewsEvent", "EventMember");

    static List<Schema> currentSchemas() {
        return List.of(RawArticle.getClassSchema(), NewsEvent.getClassSchema(), DeadLetter.getClassSchema(),
                SourceHealth.getClassSchema(), SeenItem.getClassSchema(), EventMember.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaReadsWhatEveryReleasedVersionWrote(Schema current) {
        List<Schema> released = ReleasedSchemas.of(current.getName());
        assertThat(released).as("released versions of %s (a new record type is released as v1)", current.getName()).isNotEmpty();
        for (int v = 1; v <= released.size(); v++) {
            Schema version = released.get(v - 1);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, version).getType())
                    .as("current %s must read data written with released v%d", current.getName(), v)
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            if (FORWARD_TOO.contains(current.getName())) {
                assertThat(SchemaCompatibility.checkReaderWriterCompatibility(version, current).getType())
                        .as("consumers holding released %s v%d must read current data", current.getName(), v)
                        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            }
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
}
