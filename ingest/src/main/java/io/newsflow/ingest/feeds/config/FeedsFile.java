package io.newsflow.ingest.feeds.config;

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
 *             unconditionalEvery: 24h, deadAfter: 48h, jitter: 0.1, threads: 4, allowedRanges: []}
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
 * never logged. Every problem (bad value, unknown key with the closest known one, duplicate
 * feed) is reported as one line with file, line, section or feed, key and what is allowed; a
 * file with problems does not run at all, so a typo never silently drops feeds.
 */
public final class FeedsFile {

    private static final Logger log = LoggerFactory.getLogger(FeedsFile.class);
    private static final Set<String> FEED_KEYS = Set.of("url", "name", "interval", "headers", "auth", "userAgent",
            "proxy", "fullText");
    private static final Set<String> DEFAULT_KEYS = Set.of("interval", "headers", "userAgent", "proxy", "fullText");
    private static final Set<String> TOP_KEYS = Set.of("polling", "defaults", "feeds");
    private static final Set<String> AUTH_KEYS = Set.of("username", "password");
    private static final Set<String> POLLING_KEYS = Set.of("connectTimeout", "readTimeout", "maxBodyBytes", "maxRedirects",
            "perHostConcurrency", "backoffCap", "retryAfterCap", "maxPollInterval", "unconditionalEvery", "deadAfter",
            "jitter", "threads", "allowedRanges");
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

    /**
     * Reads and validates the file. Every problem found is in {@link FeedsConfig#problems()}, one line
     * each (file, line, section or feed, key, value, what is allowed), all at once; a config with
     * problems must not run (see {@code FeedService.start()}): a typo never silently drops feeds.
     */
    public FeedsConfig load(Path file) throws FeedsConfigException {
        List<String> problems = new ArrayList<>();
        Sections sections = sections(file, problems);
        FeedsConfig base = polling(sections.polling(), file + " line " + sections.pollingLine() + ": polling", problems);
        JsonNode validDefaults = defaults(sections.defaults(), file + " line " + sections.defaultsLine() + ": defaults",
                problems);
        List<Map.Entry<Integer, JsonNode>> entries = sections.entries();
        List<FeedSettings> feeds = feeds(entries, validDefaults, file, problems);
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(file + ": " + (sections.feedsListed() ? "'feeds' lists no feed" : "no 'feeds' list")
                    + "; unset NEWSFLOW_FEEDS_FILE to run without feeds");
        }
        log.info("Feeds file {}: {} feeds, {} problems", file, feeds.size(), problems.size());
        return new FeedsConfig(feeds, problems, base.connectTimeout(), base.readTimeout(), base.maxBodyBytes(),
                base.maxRedirects(), base.perHostConcurrency(), base.backoffCap(), base.retryAfterCap(),
                base.maxPollInterval(), base.unconditionalEvery(), base.deadAfter(), base.jitter(), base.threads(), base.allowedRanges());
    }

    /**
     * The top-level sections of the file, unchecked, with the line each starts on; each feed entry with its line.
     * {@code feedsListed} tells a 'feeds' key without entries from none at all.
     */
    private record Sections(JsonNode polling, int pollingLine, JsonNode defaults, int defaultsLine,
                            List<Map.Entry<Integer, JsonNode>> entries, boolean feedsListed) {
    }

    /** Reads the top level; an unknown key or a 'feeds' that is no list is a problem, bad syntax fails the load. */
    private static Sections sections(Path file, List<String> problems) throws FeedsConfigException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode polling = MissingNode.getInstance();
        JsonNode defaults = MissingNode.getInstance();
        int pollingLine = 0;
        int defaultsLine = 0;
        List<Map.Entry<Integer, JsonNode>> entries = new ArrayList<>();
        boolean feedsListed = false;
        try (JsonParser parser = mapper.getFactory().createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedsConfigException(file + ": expected a mapping with 'feeds' at the top", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                JsonToken value = parser.nextToken();
                if (field.equals("feeds") && value == JsonToken.START_ARRAY) {
                    feedsListed = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        entries.add(Map.entry(parser.currentTokenLocation().getLineNr(), mapper.readTree(parser)));
                    }
                } else if (field.equals("feeds")) {
                    feedsListed = true;
                    problems.add(file + " line " + line + ": feeds must be a list of feed entries (- url: ...)");
                    parser.skipChildren();
                } else if (field.equals("polling")) {
                    polling = mapper.readTree(parser);
                    pollingLine = line;
                } else if (field.equals("defaults")) {
                    defaults = mapper.readTree(parser);
                    defaultsLine = line;
                } else {
                    problems.add(file + " line " + line + ": " + unknownKey(field, TOP_KEYS));
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new FeedsConfigException(file + ": not valid YAML/JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new FeedsConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new Sections(polling, pollingLine, defaults, defaultsLine, entries, feedsListed);
    }

    /** The valid feed entries; a bad one or a repeated URL is a problem, and the others still count. */
    private List<FeedSettings> feeds(List<Map.Entry<Integer, JsonNode>> entries, JsonNode validDefaults, Path file,
                                     List<String> problems) {
        List<FeedSettings> feeds = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (Map.Entry<Integer, JsonNode> entry : entries) {
            FeedSettings feed = feed(entry.getValue(), validDefaults, entry.getKey(), file, problems);
            if (feed != null && !urls.add(feed.url().toString())) {
                problems.add(file + " line " + entry.getKey() + ": feed " + feed.url() + ": duplicate feed (listed above already)");
            } else if (feed != null) {
                feeds.add(feed);
            }
        }
        return feeds;
    }

    /** Each setting on its own: a bad value is a problem of its own and never resets the others. */
    private static FeedsConfig polling(JsonNode node, String where, List<String> problems) {
        FeedsConfig d = FeedsConfig.defaults(List.of());
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            problems.add(where + " must be a mapping of setting: value");
            return d;
        }
        unknownKeys(node, POLLING_KEYS, where, problems);
        Values v = new Values(node, where, problems);
        return new FeedsConfig(List.of(), List.of(),
                v.positiveDuration("connectTimeout", d.connectTimeout()),
                v.positiveDuration("readTimeout", d.readTimeout()),
                v.whole("maxBodyBytes", d.maxBodyBytes(), 1, Long.MAX_VALUE),
                (int) v.whole("maxRedirects", d.maxRedirects(), 0, 50),
                (int) v.whole("perHostConcurrency", d.perHostConcurrency(), 1, 100),
                v.positiveDuration("backoffCap", d.backoffCap()),
                v.positiveDuration("retryAfterCap", d.retryAfterCap()),
                v.positiveDuration("maxPollInterval", d.maxPollInterval()),
                v.positiveDuration("unconditionalEvery", d.unconditionalEvery()),
                v.positiveDuration("deadAfter", d.deadAfter()),
                v.fraction("jitter", d.jitter()),
                (int) v.whole("threads", d.threads(), 1, 256),
                v.ranges("allowedRanges"));
    }

    /** The defaults, checked once (a problem there is reported once, not once per feed); bad keys left out. */
    private JsonNode defaults(JsonNode node, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            problems.add(where + " must be a mapping of key: value");
            return MissingNode.getInstance();
        }
        unknownKeys(node, DEFAULT_KEYS, where, problems);
        com.fasterxml.jackson.databind.node.ObjectNode valid = node.deepCopy();
        valid.retain(DEFAULT_KEYS);
        Values v = new Values(valid, where, problems);
        v.check("interval", () -> interval(valid.get("interval")));
        v.check("fullText", () -> bool(valid.get("fullText")));
        v.check("proxy", () -> proxy(valid.get("proxy")));
        v.check("userAgent", () -> userAgent(valid.get("userAgent")));
        v.check("headers", () -> {
            headers(valid.get("headers"), new LinkedHashMap<>());
            return true;
        });
        valid.remove(v.failed);  // reported here once; the feeds fall back to the built-in default
        return valid;
    }

    /** One feed entry; null when it has problems, which are all added. */
    private FeedSettings feed(JsonNode node, JsonNode defaults, int line, Path file, List<String> problems) {
        if (!node.isObject()) {
            problems.add(file + " line " + line + ": a feed entry must be a mapping with at least 'url'");
            return null;
        }
        // Credentials written into a URL are not echoed.
        String shown = node.hasNonNull("url") ? node.get("url").asText().trim().replaceFirst("//[^/@]*@", "//***@") : "(no url)";
        String where = file + " line " + line + ": feed " + shown;
        int before = problems.size();
        unknownKeys(node, FEED_KEYS, where, problems);
        Values v = new Values(node, where, problems);
        URI url = v.check("url", () -> url(node.get("url")));
        Duration interval = v.check("interval", () -> interval(node.has("interval") ? node.get("interval") : defaults.get("interval")));
        Map<String, String> headers = new LinkedHashMap<>();
        v.check("headers", () -> {
            headers(defaults.get("headers"), headers);
            headers(node.get("headers"), headers);
            return headers;
        });
        String[] auth = v.check("auth", () -> auth(node.get("auth"), where, problems));
        String userAgent = v.check("userAgent", () -> userAgent(node.has("userAgent") ? node.get("userAgent") : defaults.get("userAgent")));
        String proxy = v.check("proxy", () -> proxy(node.has("proxy") ? node.get("proxy") : defaults.get("proxy")));
        Boolean fullText = v.check("fullText", () -> bool(node.has("fullText") ? node.get("fullText") : defaults.get("fullText")));
        if (problems.size() > before) {
            return null;
        }
        String name = text(node, MissingNode.getInstance(), "name", url.getHost());
        return new FeedSettings(url, name, interval, headers, auth == null ? null : auth[0], auth == null ? null : auth[1],
                userAgent, proxy, fullText, line);
    }

    private static URI url(JsonNode node) {
        String rawUrl = node == null || node.isNull() ? "" : node.asText("").trim();
        if (rawUrl.isEmpty()) {
            throw new IllegalArgumentException("is missing; every feed needs an absolute http(s) URL");
        }
        URI url;
        try {
            url = new URI(rawUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + rawUrl + "' is not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("'" + rawUrl + "' must be an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            // The URL is logged and is the key of health records: credentials belong under auth.
            throw new IllegalArgumentException("carries credentials; put them under auth (with ${env:...} or ${file:...})");
        }
        return url;
    }

    private static Duration interval(JsonNode node) {
        Duration interval = duration(node, Duration.ofMinutes(15));
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("'" + node.asText() + "' is shorter than 1m: too impolite (allowed: 1m or more)");
        }
        return interval;
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("'" + node.asText() + "' must be true or false");
        }
        return node.asBoolean();
    }

    private static String proxy(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        String proxy = node.asText().trim();
        if (!proxy.matches("[^:/\\s]+:\\d{1,5}") || Integer.parseInt(proxy.substring(proxy.lastIndexOf(':') + 1)) > 65535) {
            throw new IllegalArgumentException("'" + proxy + "' must be host:port");
        }
        return proxy;
    }

    private static String userAgent(JsonNode node) {
        if (node == null || node.isNull()) {
            return FeedsConfig.DEFAULT_USER_AGENT;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("'" + node.asText() + "' must be a non-empty text");
        }
        return node.asText().trim();
    }

    /** {username, password}, or null without auth; a password is never echoed. */
    private String[] auth(JsonNode auth, String where, List<String> problems) {
        if (auth == null || auth.isNull()) {
            return null;
        }
        if (!auth.isObject()) {
            throw new IllegalArgumentException("must be a mapping {username: ..., password: ...}");
        }
        unknownKeys(auth, AUTH_KEYS, where + ": auth", problems);
        String username = auth.path("username").asText(null);
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("needs a username");
        }
        return new String[] {username, secret(auth.path("password").asText(""))};
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(where + ": " + unknownKey(name, known));
            }
        }
    }

    /** "unknown key 'jiter' (did you mean 'jitter'?)": the closest known key by edit distance. */
    static String unknownKey(String name, Set<String> known) {
        String closest = known.stream()
                .min(java.util.Comparator.comparingInt((String k) -> editDistance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)))
                        .thenComparing(k -> k))
                .orElseThrow();
        return "unknown key '" + name + "' (did you mean '" + closest + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Reads the values of one section, each check adding "where: key: reason" on failure. */
    private static final class Values {

        private final JsonNode node;
        private final String where;
        private final List<String> problems;
        private final Set<String> failed = new HashSet<>();

        Values(JsonNode node, String where, List<String> problems) {
            this.node = node;
            this.where = where;
            this.problems = problems;
        }

        <T> T check(String key, java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (IllegalArgumentException e) {
                failed.add(key);
                problems.add(where + ": " + key + " " + e.getMessage());
                return null;
            }
        }

        Duration positiveDuration(String key, Duration fallback) {
            Duration value = check(key, () -> {
                Duration d = duration(node.get(key), fallback);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("'" + node.get(key).asText() + "' must be a duration above zero (e.g. 30s, 15m, 6h)");
                }
                return d;
            });
            return value == null ? fallback : value;
        }

        long whole(String key, long fallback, long min, long max) {
            Long value = check(key, () -> {
                JsonNode v = node.get(key);
                if (v == null || v.isNull()) {
                    return fallback;
                }
                if (!v.canConvertToLong() || !(v.isIntegralNumber() || v.asText().trim().matches("-?\\d+"))
                        || v.asLong() < min || v.asLong() > max) {
                    throw new IllegalArgumentException("'" + v.asText() + "' must be a whole number from " + min
                            + (max == Long.MAX_VALUE ? " up" : " to " + max));
                }
                return v.asLong();
            });
            return value == null ? fallback : value;
        }

        double fraction(String key, double fallback) {
            Double value = check(key, () -> {
                JsonNode v = node.get(key);
                if (v == null || v.isNull()) {
                    return fallback;
                }
                if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                    throw new IllegalArgumentException("'" + v.asText() + "' must be a number from 0 to 1");
                }
                return v.asDouble();
            });
            return value == null ? fallback : value;
        }

        List<String> ranges(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return List.of();
            }
            List<String> ranges = new ArrayList<>();
            for (JsonNode range : v.isArray() ? v : List.of(v)) {
                String cidr = check(key, () -> AddressRange.parse(range.asText()).text());
                if (cidr != null) {
                    ranges.add(cidr);
                }
            }
            return ranges;
        }
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

    /** No setting of a feeds file means more than a year; a longer one is a typo, and would overflow the scheduler's nanoseconds. */
    static final Duration LONGEST_DURATION = Duration.ofDays(365);

    /** "90s", "15m", "2h", "1d", "500ms", ISO-8601 "PT15M", or a number of seconds; at most {@link #LONGEST_DURATION}. */
    static Duration duration(JsonNode node, Duration fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = parseDuration(node);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + node.asText() + "' is not a duration (e.g. 90s, 15m, 2h, PT15M)");
        }
        if (parsed.compareTo(LONGEST_DURATION) > 0) {
            throw new IllegalArgumentException("'" + node.asText() + "' is longer than 365d");
        }
        return parsed;
    }

    private static Duration parseDuration(JsonNode node) {
        if (node.isNumber()) {
            if (!node.canConvertToLong()) {
                throw new ArithmeticException("past the long range");
            }
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
        return Duration.parse(text.toUpperCase(Locale.ROOT));
    }
}
