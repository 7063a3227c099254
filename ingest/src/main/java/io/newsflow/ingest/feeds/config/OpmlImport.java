package io.newsflow.ingest.feeds.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * {@code newsflow feeds import FILE.opml}: adds the feeds of an OPML subscription list to the
 * feeds file. Feeds already listed are skipped; a YAML file keeps its comments (entries are
 * appended to its feeds list), a JSON file is rewritten.
 */
public final class OpmlImport {

    /** One feed of an OPML file. */
    public record OpmlFeed(String url, String title) {
    }

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:", Pattern.MULTILINE);

    private OpmlImport() {
    }

    /** The feeds an OPML file lists (outlines with an xmlUrl), read leniently; DTDs are never loaded. */
    public static List<OpmlFeed> read(Path opml) throws IOException {
        Document document = Jsoup.parse(Files.readString(opml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        Map<String, OpmlFeed> feeds = new LinkedHashMap<>();
        for (Element outline : document.select("outline[xmlUrl]")) {
            String url = outline.attr("xmlUrl").trim();
            if (url.startsWith("http://") || url.startsWith("https://")) {
                String title = outline.hasAttr("title") ? outline.attr("title") : outline.attr("text");
                feeds.putIfAbsent(url, new OpmlFeed(url, title.isBlank() ? null : title.trim()));
            }
        }
        return new ArrayList<>(feeds.values());
    }

    /** Runs the command; prints one line per feed and {@code import feeds=<n> added=<a> skipped=<s>}; 0 on success. */
    public static int run(Path opml, Path feedsFile, PrintStream out) {
        try {
            List<OpmlFeed> feeds = read(opml);
            Set<String> known = knownUrls(feedsFile);
            List<OpmlFeed> added = new ArrayList<>();
            for (OpmlFeed feed : feeds) {
                if (known.add(feed.url())) {
                    added.add(feed);
                    out.println("added " + feed.url());
                } else {
                    out.println("skipped " + feed.url() + " (already in " + feedsFile + ")");
                }
            }
            if (!added.isEmpty()) {
                append(feedsFile, added);
            }
            out.println("import feeds=" + feeds.size() + " added=" + added.size() + " skipped=" + (feeds.size() - added.size()));
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    private static Set<String> knownUrls(Path feedsFile) throws IOException {
        Set<String> urls = new HashSet<>();
        if (Files.exists(feedsFile)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(feedsFile.toFile());
            if (root != null) {
                root.path("feeds").forEach(feed -> urls.add(feed.path("url").asText()));
            }
        }
        return urls;
    }

    private static void append(Path feedsFile, List<OpmlFeed> added) throws IOException {
        if (feedsFile.toString().endsWith(".json")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = Files.exists(feedsFile) ? (ObjectNode) json.readTree(feedsFile.toFile()) : json.createObjectNode();
            ArrayNode list = root.has("feeds") ? (ArrayNode) root.get("feeds") : root.putArray("feeds");
            for (OpmlFeed feed : added) {
                ObjectNode entry = list.addObject().put("url", feed.url());
                if (feed.title() != null) {
                    entry.put("name", feed.title());
                }
            }
            json.writerWithDefaultPrettyPrinter().writeValue(feedsFile.toFile(), root);
            return;
        }
        String text = Files.exists(feedsFile) ? Files.readString(feedsFile, StandardCharsets.UTF_8) : "";
        StringBuilder entries = new StringBuilder();
        for (OpmlFeed feed : added) {
            entries.append("  - url: ").append(quote(feed.url())).append('\n');
            if (feed.title() != null) {
                entries.append("    name: ").append(quote(feed.title())).append('\n');
            }
        }
        Files.writeString(feedsFile, insertIntoFeedsList(text, entries.toString()), StandardCharsets.UTF_8);
    }

    /** Puts the entries at the end of the top-level feeds list, creating it when there is none. */
    static String insertIntoFeedsList(String text, String entries) {
        String base = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        Matcher keys = TOP_LEVEL_KEY.matcher(base);
        int feedsAt = -1;
        int nextKeyAt = -1;
        while (keys.find()) {
            if (feedsAt >= 0) {
                nextKeyAt = keys.start();
                break;
            }
            if (keys.group(1).equals("feeds")) {
                feedsAt = keys.start();
            }
        }
        if (feedsAt < 0) {
            return base + "feeds:\n" + entries;
        }
        String listLine = base.substring(feedsAt, base.indexOf('\n', feedsAt));
        if (listLine.matches("feeds:\\s*\\[\\s*]\\s*")) {
            return base.substring(0, feedsAt) + "feeds:\n" + entries + base.substring(feedsAt + listLine.length() + 1);
        }
        String indented = entries;
        Matcher firstItem = Pattern.compile("^([ \\t]*)- ", Pattern.MULTILINE).matcher(base);
        if (firstItem.find(feedsAt) && (nextKeyAt < 0 || firstItem.start() < nextKeyAt) && firstItem.group(1).isEmpty()) {
            indented = entries.replaceAll("(?m)^  ", "");
        }
        if (nextKeyAt < 0) {
            return base + indented;
        }
        return base.substring(0, nextKeyAt) + indented + base.substring(nextKeyAt);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
