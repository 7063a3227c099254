package io.newsflow.eval;

import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.text.Stopwords;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.grouping.vectors.BackgroundFrequencies;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.schemas.RawArticle;
import io.newsflow.text.PageChrome;
import java.nio.file.Path;
import java.util.*;

/**
 * Development study, not a test (it reads ../shared, which tests must not need): how far the grouping
 * features could go if every article were known at once. It builds the same TF-IDF vectors as
 * {@link EventGrouper} (term weights from {@link TextFeatures}, document frequencies from the whole
 * corpus plus the background prior), then clusters offline with average-link agglomeration over a
 * range of thresholds. The best score it prints is a ceiling for the online grouper on these
 * features: the online grouper cannot beat it, so a gap to a target above it calls for new signals,
 * not tuning.
 *
 * <p>Run: {@code java -cp <enrich test classpath> io.newsflow.enrich.grouping.FeatureStudy <corpus dir>}.
 * System properties pick variants: {@code mode=names|words} (only proper names / only other words),
 * {@code alpha} (mix of separate name and word cosines), {@code cw} (weight of the corpus's own
 * document frequencies against the background prior), {@code topic} (a first, loose clustering into
 * topics, then document frequencies local to each topic), {@code lambda}/{@code topk} (similarity
 * scaled by the overlap of the top names), {@code qpen} (similarity scaled down by conflicting and up
 * by agreeing quantities, a number with the noun after it: "23 pirates", "5.6 magnitude"), {@code from/to/step} (threshold sweep), {@code show}
 * (print the clusters at one threshold), {@code days} (print each article's day), {@code online=avg|single|knn}
 * (simulate one-pass assignment on the same similarities, in name order and three shuffles: group
 * average with merges, nearest article, or a vote of the {@code k} nearest articles).
 */
public final class FeatureStudy {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<String, String> gold = GroupingDevRun.gold(dir);
        List<RawArticle> articles = CorpusFiles.inNameOrder(dir);
        ArticleTagger tagger = ArticleTagger.standard();
        TextFeatures features = new TextFeatures(MinHash.standard());
        BackgroundFrequencies bg = BackgroundFrequencies.standard();
        int n = articles.size();
        List<Map<String, Double>> tf = new ArrayList<>();
        Map<String, Double> df = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<Set<String>> namesOf = new ArrayList<>();
        List<Map<String, Set<String>>> facts = new ArrayList<>();
        for (RawArticle a : articles) {
            String body = PageChrome.strip(a.getBody());
            ArticleTags tags = tagger.tag(a.getTitle(), body);
            ArticleProfile p = features.profile(a.getTitle(), body, a.getBody(), null, tags);
            Map<String, Double> w = new HashMap<>();
            String mode = System.getProperty("mode", "all");
            p.termWeights().forEach((k, x) -> {
                boolean isName = p.names().contains(k) || k.startsWith("official:");
                if (mode.equals("all") || mode.equals("names") == isName) w.put(k, x);
            });
            tf.add(w);
            p.termWeights().keySet().forEach(t -> df.merge(t, 1.0, Double::sum));
            ids.add(a.getArticleId());
            namesOf.add(p.names());
            facts.add(quantities(a.getTitle() + "\n" + body));
            if (Boolean.getBoolean("days")) System.out.println("DAY " + a.getArticleId() + " " + gold.get(a.getArticleId()) + " " + p.day());
        }
        double prior = 50;
        double docs = n + prior;
        List<Map<String, Double>> vec = new ArrayList<>();
        for (Map<String, Double> t : tf) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (var e : t.entrySet()) {
                double corpusWeight = Double.parseDouble(System.getProperty("cw", "1"));
                double d = corpusWeight * df.get(e.getKey()) + prior * bg.share(e.getKey());
                double w = e.getValue() * Math.log(1 + (corpusWeight * n + prior) / Math.max(1e-9, d));
                v.put(e.getKey(), w);
                norm += w * w;
            }
            double len = Math.sqrt(norm);
            v.replaceAll((k, x) -> x / len);
            vec.add(v);
        }
        double[][] sim = new double[n][n];
        double alpha = Double.parseDouble(System.getProperty("alpha", "-1"));
        List<Map<String, Double>> nv = new ArrayList<>(), wv = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> a = new HashMap<>(), b = new HashMap<>();
            final int ii = i;
            vec.get(i).forEach((k, x) -> (namesOf.get(ii).contains(k) || k.startsWith("official:") ? a : b).put(k, x));
            nv.add(unit(a)); wv.add(unit(b));
        }
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) sim[i][j] = sim[j][i] = alpha < 0
                ? dot(vec.get(i), vec.get(j))
                : alpha * dot(nv.get(i), nv.get(j)) + (1 - alpha) * dot(wv.get(i), wv.get(j));
        double lambda = Double.parseDouble(System.getProperty("lambda", "1"));
        int topK = Integer.getInteger("topk", 5);
        if (lambda < 1) {
            List<Set<String>> top = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int ii = i;
                top.add(vec.get(i).entrySet().stream().filter(e -> namesOf.get(ii).contains(e.getKey()))
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(topK)
                        .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
            }
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
                Set<String> a = top.get(i), b = top.get(j);
                int inter = 0; for (String x : a) if (vec.get(j).containsKey(x)) inter++;
                int inter2 = 0; for (String x : b) if (vec.get(i).containsKey(x)) inter2++;
                double o = (a.isEmpty() || b.isEmpty()) ? 0.5 : Math.min(inter / (double) a.size(), inter2 / (double) b.size());
                sim[i][j] = sim[j][i] = sim[i][j] * (lambda + (1 - lambda) * o);
            }
        }
        double qpen = Double.parseDouble(System.getProperty("qpen", "0"));
        if (qpen > 0) {
            int conflictsSame = 0, conflictsSib = 0, agreeSame = 0, agreeSib = 0;
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
                int conflicts = 0, agreements = 0;
                for (var e : facts.get(i).entrySet()) {
                    Set<String> other = facts.get(j).get(e.getKey());
                    if (other == null) continue;
                    if (Collections.disjoint(e.getValue(), other)) conflicts++; else agreements++;
                }
                String gi = gold.get(ids.get(i)), gj = gold.get(ids.get(j));
                if (gi.equals(gj)) { conflictsSame += conflicts; agreeSame += agreements; }
                else if (gi.split("-")[0].equals(gj.split("-")[0])) { conflictsSib += conflicts; agreeSib += agreements; }
                if (conflicts + agreements > 0) {
                    double f = 1 - qpen * (conflicts - agreements) / (double) (conflicts + agreements + 1);
                    sim[i][j] = sim[j][i] = sim[i][j] * Math.max(0, Math.min(1 + qpen, f));
                }
            }
            System.out.printf("quantity facts: same-event pairs conflicts=%d agreements=%d; sibling pairs conflicts=%d agreements=%d%n",
                    conflictsSame, agreeSame, conflictsSib, agreeSib);
        }
        // separation stats
        double same = 0, sib = 0, other = 0; int cs = 0, cb = 0, co = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
            String gi = gold.get(ids.get(i)), gj = gold.get(ids.get(j));
            if (gi.equals(gj)) { same += sim[i][j]; cs++; }
            else if (gi.split("-")[0].equals(gj.split("-")[0])) { sib += sim[i][j]; cb++; }
            else { other += sim[i][j]; co++; }
        }
        System.out.printf("mean sim same=%.3f sibling=%.3f other=%.3f%n", same / cs, sib / cb, other / co);
        if (System.getProperty("topic") != null) {
            double topicTh = Double.parseDouble(System.getProperty("topic"));
            Map<String, String> topics = averageLink(sim, ids, topicTh);
            ClusteringScores ts = ClusteringScores.of(topics, gold);
            System.out.printf("topic stage th=%.2f clusters=%d%n", topicTh, ts.predictedClusters());
            // local idf within each topic cluster
            Map<String, List<Integer>> members = new HashMap<>();
            for (int i = 0; i < n; i++) members.computeIfAbsent(topics.get(ids.get(i)), k -> new ArrayList<>()).add(i);
            double localPrior = Double.parseDouble(System.getProperty("localPrior", "2"));
            double mix = Double.parseDouble(System.getProperty("mix", "1"));
            for (List<Integer> m : members.values()) {
                Map<String, Integer> ldf = new HashMap<>();
                for (int i : m) tf.get(i).keySet().forEach(t -> ldf.merge(t, 1, Integer::sum));
                for (int i : m) {
                    Map<String, Double> v = new HashMap<>();
                    for (var e : tf.get(i).entrySet()) {
                        double d = df.get(e.getKey()) + prior * bg.share(e.getKey());
                        double global = Math.log(1 + docs / d);
                        double local = Math.log(1 + (m.size() + localPrior) / (ldf.get(e.getKey()) + localPrior * 0.5));
                        v.put(e.getKey(), e.getValue() * global * Math.pow(local, mix));
                    }
                    vec.set(i, unit(v));
                }
            }
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
                boolean sameTopic = topics.get(ids.get(i)).equals(topics.get(ids.get(j)));
                sim[i][j] = sim[j][i] = sameTopic ? dot(vec.get(i), vec.get(j)) : 0;
            }
        }
        if (System.getProperty("online") != null) {
            for (long seed = 0; seed <= 3; seed++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) order.add(i);
                if (seed > 0) Collections.shuffle(order, new Random(seed));
                for (double th = Double.parseDouble(System.getProperty("from", "0.04")); th <= Double.parseDouble(System.getProperty("to", "0.30")); th += Double.parseDouble(System.getProperty("step", "0.02"))) {
                    Map<String, String> pred = online(System.getProperty("online"), sim, ids, order, th);
                    ClusteringScores s = ClusteringScores.of(pred, gold);
                    System.out.printf("online-%s seed=%d th=%.3f events=%d pairwise=%.3f bcubed=%.3f%n", System.getProperty("online"), seed, th, s.predictedClusters(), s.pairwiseF1(), s.bcubedF1());
                }
            }
            return;
        }
        for (double th = Double.parseDouble(System.getProperty("from", "0.04")); th <= Double.parseDouble(System.getProperty("to", "0.30")); th += Double.parseDouble(System.getProperty("step", "0.02"))) {
            Map<String, String> pred = averageLink(sim, ids, th);
            ClusteringScores s = ClusteringScores.of(pred, gold);
            System.out.printf("avg-link th=%.2f events=%d pairwise=%.3f bcubed=%.3f%n", th, s.predictedClusters(), s.pairwiseF1(), s.bcubedF1());
            if (Math.abs(th - Double.parseDouble(System.getProperty("show", "9"))) < 1e-6) {
                Map<String, Map<String, Integer>> comp = new TreeMap<>();
                pred.forEach((a, c) -> comp.computeIfAbsent(c, k -> new TreeMap<>()).merge(gold.get(a), 1, Integer::sum));
                List<String> lines = new ArrayList<>();
                comp.values().forEach(m -> lines.add(m.toString()));
                Collections.sort(lines);
                lines.forEach(l -> System.out.println("   " + l));
            }
        }
    }

    /** Online assignment in the given order: avg (group average, then merges), knn, single. */
    static Map<String, String> online(String kind, double[][] sim, List<String> ids, List<Integer> order, double th) {
        int n = ids.size();
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        Map<Integer, List<Integer>> members = new HashMap<>();
        int next = 0;
        int k = Integer.getInteger("k", 3);
        for (int i : order) {
            int best = -1;
            if (kind.equals("avg")) {
                double bestScore = th;
                for (var e : members.entrySet()) {
                    double sum = 0; for (int j : e.getValue()) sum += sim[i][j];
                    double avg = sum / e.getValue().size();
                    if (avg >= bestScore) { bestScore = avg; best = e.getKey(); }
                }
            } else if (kind.equals("single")) {
                double bestScore = th;
                for (int j = 0; j < n; j++) if (cluster[j] >= 0 && sim[i][j] >= bestScore) { bestScore = sim[i][j]; best = cluster[j]; }
            } else { // knn: top-k previous neighbours above th vote with their similarity
                List<Integer> prev = new ArrayList<>();
                for (int j = 0; j < n; j++) if (cluster[j] >= 0 && sim[i][j] >= th) prev.add(j);
                prev.sort((a, b) -> Double.compare(sim[i][b], sim[i][a]));
                Map<Integer, Double> votes = new HashMap<>();
                for (int j : prev.subList(0, Math.min(k, prev.size()))) votes.merge(cluster[j], sim[i][j], Double::sum);
                best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
            }
            if (best < 0) { best = next++; members.put(best, new ArrayList<>()); }
            members.get(best).add(i);
            cluster[i] = best;
            if (kind.equals("avg")) {
                // merge the article's cluster with others whose group average reaches th
                boolean merged = true;
                while (merged) {
                    merged = false;
                    int c = cluster[i];
                    for (var e : new ArrayList<>(members.entrySet())) {
                        if (e.getKey() == c) continue;
                        double sum = 0; for (int a : members.get(c)) for (int b : e.getValue()) sum += sim[a][b];
                        if (sum / (members.get(c).size() * e.getValue().size()) >= th) {
                            for (int b : e.getValue()) { cluster[b] = c; members.get(c).add(b); }
                            members.remove(e.getKey()); merged = true; break;
                        }
                    }
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) out.put(ids.get(i), "c" + cluster[i]);
        return out;
    }

    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(
            "(?<![\\w.,$])(\\$?\\d+(?:[.,]\\d+)?)(?:\\s*(?:million|billion|percent|%))?[\\s-]+(?:of\\s+)?([a-z][a-z-]{2,})");

    /** Numbers with the noun that follows them ("23 pirates", "5.6 magnitude"): unit -> values. */
    static Map<String, Set<String>> quantities(String text) {
        Map<String, Set<String>> out = new HashMap<>();
        java.util.regex.Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            String unit = TextFeatures.fold(m.group(2).toLowerCase(Locale.ROOT));
            if (Stopwords.contains(unit) || Stopwords.isCalendarWord(unit)) continue;
            String value = m.group(1).replace(",", "");
            if (value.length() == 4 && (value.startsWith("19") || value.startsWith("20"))) continue; // years
            out.computeIfAbsent(unit, k -> new HashSet<>()).add(value);
        }
        return out;
    }

    static Map<String, Double> unit(Map<String, Double> v) {
        double s = 0; for (double x : v.values()) s += x * x;
        double l = Math.sqrt(s);
        Map<String, Double> o = new HashMap<>(); v.forEach((k, x) -> o.put(k, l == 0 ? 0 : x / l)); return o;
    }

    static Map<String, String> averageLink(double[][] sim, List<String> ids, double th) {
        int n = ids.size();
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) clusters.add(new ArrayList<>(List.of(i)));
        while (true) {
            double best = th; int bi = -1, bj = -1;
            for (int a = 0; a < clusters.size(); a++) for (int b = a + 1; b < clusters.size(); b++) {
                double s = 0;
                for (int x : clusters.get(a)) for (int y : clusters.get(b)) s += sim[x][y];
                s /= clusters.get(a).size() * clusters.get(b).size();
                if (s > best) { best = s; bi = a; bj = b; }
            }
            if (bi < 0) break;
            clusters.get(bi).addAll(clusters.remove(bj));
        }
        Map<String, String> out = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) for (int i : clusters.get(c)) out.put(ids.get(i), "c" + c);
        return out;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        return dot;
    }
}
