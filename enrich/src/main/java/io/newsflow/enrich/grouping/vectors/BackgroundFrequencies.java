package io.newsflow.enrich.grouping.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How common words are in news in general, as a prior for the document frequencies the stream
 * counts. A fresh stream has seen nothing, so its IDF cannot tell "officials" from "Zhaoxu"; the
 * prior acts as a number of background documents seen before the first article, and the stream's
 * own counts take over as they grow. Shipped as a resource, from a public benchmark of general
 * news and blog articles unrelated to the evaluation data.
 */
public final class BackgroundFrequencies {

    private static final String RESOURCE = "background-document-frequencies.tsv";
    private static final BackgroundFrequencies STANDARD = load();

    private final Map<String, Double> shares;

    private BackgroundFrequencies(Map<String, Double> shares) {
        this.shares = shares;
    }

    public static BackgroundFrequencies standard() {
        return STANDARD;
    }

    /** Share of background documents that contain the term (0 for terms it does not list). */
    public double share(String term) {
        return shares.getOrDefault(term, 0.0);
    }

    private static BackgroundFrequencies load() {
        try (InputStream in = BackgroundFrequencies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Integer> counts = new HashMap<>();
            int documents = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("# documents\t")) {
                    documents = Integer.parseInt(line.substring(line.indexOf('\t') + 1).strip());
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    int tab = line.indexOf('\t');
                    counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
                }
            }
            int n = documents;
            Map<String, Double> shares = new HashMap<>(counts.size() * 2);
            counts.forEach((term, df) -> shares.put(term, (double) df / n));
            return new BackgroundFrequencies(shares);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
