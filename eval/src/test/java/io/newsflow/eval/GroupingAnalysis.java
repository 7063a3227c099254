package io.newsflow.eval;

import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.schemas.RawArticle;
import io.newsflow.text.PageChrome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Development analysis, not a test: how well do features separate events, with batch IDF. */
public final class GroupingAnalysis {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<String, String> gold = GroupingDevRun.gold(dir);
        List<RawArticle> articles = CorpusFiles.inNameOrder(dir);
        TextFeatures features = new TextFeatures(MinHash.standard());
        List<ArticleProfile> profiles = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (RawArticle a : articles) {
            ArticleProfile p = features.profile(a.getTitle(), PageChrome.strip(a.getBody()), a.getBody(), null, null);
            profiles.add(p);
            p.termWeights().keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = articles.size();
        List<Map<String, Double>> vectors = new ArrayList<>();
        List<Map<String, Double>> nameVectors = new ArrayList<>();
        List<Map<String, Double>> phraseVectors = new ArrayList<>();
        for (ArticleProfile p : profiles) {
            Map<String, Double> v = new HashMap<>();
            p.termWeights().forEach((t, w) -> v.put(t, w * Math.log(1.0 + (double) n / df.get(t))));
            vectors.add(v);
            Map<String, Double> nv = new HashMap<>();
            for (String name : p.names()) {
                if (v.containsKey(name)) {
                    nv.put(name, v.get(name));
                }
            }
            nameVectors.add(nv);
            Map<String, Double> pv = new HashMap<>();
            nv.forEach((k, w) -> {
                if (k.contains(" ")) {
                    pv.put(k, w);
                }
            });
            phraseVectors.add(pv);
        }
        String[] kinds = {"same-event", "same-topic", "other-topic"};
        for (String feature : new String[] {"all", "names", "phrase"}) {
            List<List<Double>> sims = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    String gi = gold.get(articles.get(i).getArticleId());
                    String gj = gold.get(articles.get(j).getArticleId());
                    int kind = gi.equals(gj) ? 0 : topic(gi).equals(topic(gj)) ? 1 : 2;
                    if (n < 10 && feature.equals("all")) {
                        System.out.printf("%s %s all=%.3f names=%.3f phrase=%.3f %s%n", articles.get(i).getArticleId(), articles.get(j).getArticleId(),
                                cosine(vectors.get(i), vectors.get(j)), cosine(nameVectors.get(i), nameVectors.get(j)),
                                cosine(phraseVectors.get(i), phraseVectors.get(j)), n < 10 && i == 0 && j == 1 ? phraseVectors.get(i).keySet() + " / " + phraseVectors.get(3).keySet() : "");
                    }
                    List<Map<String, Double>> vs = feature.equals("all") ? vectors : feature.equals("names") ? nameVectors : phraseVectors;
                    sims.get(kind).add(cosine(vs.get(i), vs.get(j)));
                }
            }
            for (int k = 0; k < 3; k++) {
                List<Double> s = sims.get(k);
                s.sort(Double::compare);
                System.out.printf("%-6s %-12s n=%6d p10=%.3f p25=%.3f p50=%.3f p75=%.3f p90=%.3f p99=%.3f%n", feature, kinds[k],
                        s.size(), q(s, .1), q(s, .25), q(s, .5), q(s, .75), q(s, .9), q(s, .99));
            }
        }
        // centroid test: own event (leave one out) vs sibling event
        Map<String, Map<String, Double>> centroids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> unit = unit(vectors.get(i));
            Map<String, Double> c = centroids.computeIfAbsent(gold.get(articles.get(i).getArticleId()), k -> new HashMap<>());
            unit.forEach((t, w) -> c.merge(t, w, Double::sum));
        }
        int right = 0;
        List<Double> own = new ArrayList<>();
        List<Double> sib = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String g = gold.get(articles.get(i).getArticleId());
            Map<String, Double> unit = unit(vectors.get(i));
            Map<String, Double> c = new HashMap<>(centroids.get(g));
            unit.forEach((t, w) -> c.merge(t, -w, Double::sum));
            String sibling = g.endsWith("-ecb") ? g.replace("-ecb", "-ecbplus") : g.replace("-ecbplus", "-ecb");
            double o = cosine(unit, c);
            double s = centroids.containsKey(sibling) ? cosine(unit, centroids.get(sibling)) : 0;
            own.add(o);
            sib.add(s);
            if (o > s) {
                right++;
            } else {
                System.out.printf("  wrong: %s own=%.3f sibling=%.3f%n", articles.get(i).getArticleId(), o, s);
            }
        }
        own.sort(Double::compare);
        sib.sort(Double::compare);
        System.out.printf("centroid own>sibling %d/%d; own p10=%.3f p50=%.3f; sibling p50=%.3f p90=%.3f%n", right, n,
                q(own, .1), q(own, .5), q(sib, .5), q(sib, .9));
    }

    static Map<String, Double> unit(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        Map<String, Double> u = new HashMap<>();
        v.forEach((k, w) -> u.put(k, w / norm));
        return u;
    }

    static String topic(String gold) {
        return gold.indexOf("-") < 0 ? gold : gold.substring(0, gold.indexOf("-"));
    }

    static double q(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        return dot;
    }
}
