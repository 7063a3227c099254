package io.newsflow.ingest.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the feeds file (YAML, or JSON which YAML reads too). Layout:
 * <pre>
 * polling:   {connectTimeout: 10s, readTimeout: 30s, maxBodyBytes: 10485760, maxRedirects: 5,
 *             perHostConcurrency: 2, backoffCap: 6h, retryAfterCap: 6h, maxPollInterval: 24h,
 *             unconditionalEvery: 24h, deadAfter: 48h, jitter: 0.1, threads: 4}
 * defaults:  {interval: 15m, userAgent: ..., proxy: host:port, fullText: false, headers: {...}}
 * feeds:
 *   - url: https://example.org/rss
 *     name: Example
 *     interval: 30m
 *     headers: {X-Api-Key: "${env:EXAMPLE_KEY}"}
 *     auth: {username: reader, password: "${file:/run/secrets/example}"}
 *     fullText: true
 * </pre>
 * Secrets are written as {@code ${env:NAME}} or {@code ${file:PATH}} and resolved here; they are
 * never logged. An entry that is wrong is reported with its line and reason and left out; the
 * other feeds still run.
 */
public final class FeedsFile {

    private static final Logger log = LoggerFactory.getLogger(FeedsFile.class);
    private static final Set<String> FEED_KEYS = Set.of("url", "name", "interval", "headers", "auth", "userAgent",
            "proxy", "fullText");
    private static final Set<String> DEFAULT_KEYS = Set.of("interval", "headers", "userAgent", "proxy", "fullText");
    private static final Pattern SECRET = Pattern.compile("\\$\\{(env|file):([^}]+)}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final UnaryOperator<String> environment;

    /** Reads secrets from the process environment. */
    public FeedsFile() {
        this(System::getenv);
    }

    /** Reads secrets through the given lookup (tests). */
    public FeedsFile(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public FeedsConfig load(Path file) throws FeedsConfigException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode polling = MissingNode.getInstance();
        JsonNode defaults = MissingNode.getInstance();
        List<Map.Entry<Integer, JsonNode>> entries = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedsConfigException(file + ": expected a mapping with 'feeds' at the top", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("feeds") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int line = parser.currentTokenLocation().getLineNr();
                        entries.add(Map.entry(line, mapper.readTree(parser)));
                    }
                } else if (field.equals("polling")) {
                    polling = mapper.readTree(parser);
                } else if (field.equals("defaults")) {
                    defaults = mapper.readTree(parser);
                } else {
                    log.warn("Feeds file {}: unknown top-level key '{}' ignored", file, field);
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new FeedsConfigException(file + ": not valid YAML/JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new FeedsConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        FeedsConfig base = polling(polling, file, problems);
        List<FeedSettings> feeds = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (Map.Entry<Integer, JsonNode> entry : entries) {
            int line = entry.getKey();
            try {
                FeedSettings feed = feed(entry.getValue(), defaults, line);
                if (!urls.add(feed.url().toString())) {
                    throw new IllegalArgumentException("duplicate feed " + feed.url());
                }
                feeds.add(feed);
            } catch (IllegalArgumentException e) {
                problems.add(file + " line " + line + ": " + e.getMessage());
            }
        }
        problems.forEach(problem -> log.warn("Feed entry refused: {}", problem));
        log.info("Feeds file {}: {} feeds, {} refused entries", file, feeds.size(), problems.size());
        return new FeedsConfig(feeds, problems, base.connectTimeout(), base.readTimeout(), base.maxBodyBytes(),
                base.maxRedirects(), base.perHostConcurrency(), base.backoffCap(), base.retryAfterCap(),
                base.maxPollInterval(), base.unconditionalEvery(), base.deadAfter(), base.jitter(), base.threads(), base.allowedRanges());
    }

    private static FeedsConfig polling(JsonNode node, Path file, List<String> problems) {
        FeedsConfig d = FeedsConfig.defaults(List.of());
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        try {
            return new FeedsConfig(List.of(), List.of(),
                    duration(node.get("connectTimeout"), d.connectTimeout()),
                    duration(node.get("readTimeout"), d.readTimeout()),
                    node.path("maxBodyBytes").asLong(d.maxBodyBytes()),
                    node.path("maxRedirects").asInt(d.maxRedirects()),
                    Math.max(1, node.path("perHostConcurrency").asInt(d.perHostConcurrency())),
                    duration(node.get("backoffCap"), d.backoffCap()),
                    duration(node.get("retryAfterCap"), d.retryAfterCap()),
                    duration(node.get("maxPollInterval"), d.maxPollInterval()),
                    duration(node.get("unconditionalEvery"), d.unconditionalEvery()),
                    duration(node.get("deadAfter"), d.deadAfter()),
                    node.path("jitter").asDouble(d.jitter()),
                    Math.max(1, node.path("threads").asInt(d.threads())), allowedRanges(node.get("allowedRanges")));
        } catch (IllegalArgumentException e) {
            problems.add(file + " polling: " + e.getMessage() + "; defaults used");
            return d;
        }
    }

    private static List<String> allowedRanges(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> ranges = new ArrayList<>();
        for (JsonNode range : node.isArray() ? node : List.of(node)) {
            ranges.add(AddressRange.parse(range.asText()).text());
        }
        return ranges;
    }

    private FeedSettings feed(JsonNode node, JsonNode defaults, int line) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a feed entry must be a mapping with at least 'url'");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FEED_KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "' (known: " + String.join(", ", FEED_KEYS) + ")");
            }
        }
        for (Iterator<String> names = defaults.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DEFAULT_KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "' in defaults");
            }
        }
        String rawUrl = node.path("url").asText("").trim();
        URI url;
        try {
            url = new URI(rawUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + rawUrl + "' is not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url '" + rawUrl + "' must be an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            // The URL is logged and is the key of health records: credentials belong under auth.
            throw new IllegalArgumentException("url carries credentials; put them under auth (with ${env:...} or ${file:...})");
        }
        Duration interval = duration(node.has("interval") ? node.get("interval") : defaults.get("interval"), Duration.ofMinutes(15));
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval " + interval + " is shorter than " + MIN_INTERVAL + ": too impolite");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers(defaults.get("headers"), headers);
        headers(node.get("headers"), headers);
        String username = null;
        String password = null;
        JsonNode auth = node.get("auth");
        if (auth != null && !auth.isNull()) {
            username = auth.path("username").asText(null);
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("auth needs a username");
            }
            password = secret(auth.path("password").asText(""));
        }
        String userAgent = text(node, defaults, "userAgent", FeedsConfig.DEFAULT_USER_AGENT);
        String proxy = text(node, defaults, "proxy", null);
        if (proxy != null && !proxy.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("proxy '" + proxy + "' must be host:port");
        }
        boolean fullText = node.has("fullText") ? node.get("fullText").asBoolean() : defaults.path("fullText").asBoolean(false);
        String name = text(node, MissingNode.getInstance(), "name", url.getHost());
        return new FeedSettings(url, name, interval, headers, username, password, userAgent, proxy, fullText, line);
    }

    private void headers(JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("headers must be a mapping of name: value");
        }
        node.properties().forEach(header -> into.put(header.getKey(), secret(header.getValue().asText())));
    }

    /** Resolves ${env:NAME} and ${file:PATH}; the message of a failure names the variable or file, never a value. */
    private String secret(String value) {
        Matcher m = SECRET.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved;
            if (m.group(1).equals("env")) {
                resolved = environment.apply(m.group(2));
                if (resolved == null) {
                    throw new IllegalArgumentException("environment variable " + m.group(2) + " is not set");
                }
            } else {
                try {
                    resolved = Files.readString(Path.of(m.group(2)), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new IllegalArgumentException("secret file " + m.group(2) + " cannot be read");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(JsonNode node, JsonNode defaults, String key, String fallback) {
        JsonNode value = node.has(key) ? node.get(key) : defaults.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText().trim();
    }

    /** "90s", "15m", "2h", "1d", "500ms", ISO-8601 "PT15M", or a number of seconds. */
    static Duration duration(JsonNode node, Duration fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isNumber()) {
            return Duration.ofSeconds(node.asLong());
        }
        String text = node.asText().trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + node.asText() + "' is not a duration (e.g. 90s, 15m, 2h, PT15M)");
        }
    }
}
