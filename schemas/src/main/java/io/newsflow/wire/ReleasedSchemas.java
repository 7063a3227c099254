package io.newsflow.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of Newsflow's record schemas, bundled in this jar as
 * {@code io/newsflow/schemas/released/<Name>.v<k>.avsc} (k = 1, 2, ... with no gaps). A release copies
 * each changed schema there as its next version; nothing there is ever edited (docs/consumers.md, "Schema evolution").
 * Readers use them to decode records that earlier releases wrote; the compatibility tests check the
 * current schemas against all of them.
 */
public final class ReleasedSchemas {

    private static final String FOLDER = "/io/newsflow/schemas/released/";
    /** The one named type that records share: parsed first, so that the records that use it resolve. */
    private static final String SHARED = "SourceKind";

    private ReleasedSchemas() {
    }

    /** The released versions of the record or enum {@code name} (simple name, e.g. "NewsEvent"), oldest first. */
    public static List<Schema> of(String name) {
        // A released record refers to the shared enum by name: the newest released copy of it defines that name.
        Schema shared = name.equals(SHARED) ? null : newest(of(SHARED));
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = FOLDER + name + ".v" + version + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                Schema.Parser parser = new Schema.Parser();
                if (shared != null) {
                    parser.parse(shared.toString());
                }
                versions.add(parser.parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    private static Schema newest(List<Schema> versions) {
        return versions.get(versions.size() - 1);
    }
}
