package io.newsflow.ingest.drops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.extract.ExtractedPage;
import io.newsflow.ingest.extract.MainTextExtractor;
import io.newsflow.ingest.feeds.parsing.FeedDocument;
import io.newsflow.ingest.feeds.parsing.FeedDocumentParser;
import io.newsflow.ingest.feeds.parsing.FeedItem;
import io.newsflow.ingest.feeds.parsing.FeedParseException;
import io.newsflow.ingest.text.PlainTextArticle;
import io.newsflow.ingest.text.PlainTextParser;
import io.newsflow.ingest.text.PublicationDates;
import io.newsflow.ingest.text.TextDecoder;
import io.newsflow.schemas.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jsoup.Jsoup;

/**
 * Reads the articles a dropped file holds, by its name: {@code .txt} (headline first, page chrome
 * and all), {@code .html}/{@code .htm} (main text extracted), {@code .json} (one article),
 * {@code .jsonl}/{@code .ndjson} (one article a line), {@code .xml}/{@code .rss}/{@code .atom}
 * (a saved feed, parsed like fetched feeds by {@link FeedDocumentParser}), any of these gzipped ({@code .gz}). A sidecar
 * {@code <name>.meta.json} overrides what the text suggests. Shared by the drop folder and
 * {@code newsflow eval}, so an evaluation reads files exactly as ingest does.
 */
public final class ArticleFiles {

    /** The size limit {@link #parse(Path)} applies, the drop folder's default. */
    public static final long DEFAULT_MAX_BYTES = DropFolderConfig.defaults(Path.of(".")).maxFileBytes();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MainTextExtractor EXTRACTOR = new MainTextExtractor();
    private static final FeedDocumentParser FEEDS = new FeedDocumentParser();
    private static final PlainTextParser PARSER = PlainTextParser.withBundledOutlets();
    private static final String KNOWN_TYPES = ".txt, .html, .htm, .json, .jsonl, .ndjson, .xml, .rss, .atom (optionally .gz)";

    private ArticleFiles() {
    }

    /** The articles in the file; throws {@link ArticleFileException} with a readable reason when there are none. */
    public static List<RawArticle> parse(Path file) throws ArticleFileException {
        return read(file, file.getFileName().toString(), DEFAULT_MAX_BYTES, Instant.now()).articles();
    }

    /**
     * Reads a file, with the name it was dropped under, enforcing a size limit before reading it whole.
     * Bad records inside a good file come back as rejected; a file with no article at all throws.
     */
    public static DropContents read(Path file, String sourceId, long maxBytes, Instant fetchedAt)
            throws ArticleFileException {
        try {
            return readChecked(file, sourceId, maxBytes, fetchedAt);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser tripping over a strange file must cost that file only, never the service.
            throw new ArticleFileException("Newsflow could not make sense of the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ").", e);
        }
    }

    private static DropContents readChecked(Path file, String sourceId, long maxBytes, Instant fetchedAt)
            throws ArticleFileException {
        byte[] bytes = readBounded(file, maxBytes);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            bytes = gunzip(bytes, maxBytes);
            name = name.substring(0, name.length() - 3);
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ArticleFileException("The file is empty.");
        }
        Optional<Path> sidecarFile = Sidecar.find(file);
        Sidecar sidecar = sidecarFile.isPresent() ? Sidecar.read(sidecarFile.get()) : null;
        String type = type(name, bytes);
        List<ArticleDraft> drafts = new ArrayList<>();
        List<DropContents.RejectedRecord> rejected = new ArrayList<>();
        switch (type) {
            case "txt" -> drafts.add(plainText(decodeText(bytes, false)));
            case "html", "htm", "xhtml" -> drafts.add(html(decodeText(bytes, true), null));
            case "json" -> drafts.add(json(parseJson(decodeText(bytes, false))));
            case "jsonl", "ndjson" -> jsonLines(decodeText(bytes, false), drafts, rejected);
            case "xml", "rss", "atom" -> feed(bytes, drafts, rejected);
            default -> throw new ArticleFileException("Newsflow does not read '." + type + "' files; it reads "
                    + KNOWN_TYPES + ".");
        }
        List<RawArticle> articles = new ArrayList<>();
        for (ArticleDraft draft : drafts) {
            if (sidecar != null) {
                draft.apply(sidecar, drafts.size() == 1);
            }
            articles.add(draft.toRawArticle(sourceId, fetchedAt));
        }
        if (articles.isEmpty()) {
            String why = rejected.isEmpty() ? "it holds no article." : "none of its " + rejected.size()
                    + " records could be read; the first: " + rejected.get(0).where() + ": " + rejected.get(0).reason();
            throw new ArticleFileException("No article could be read from the file: " + why);
        }
        return new DropContents(List.copyOf(articles), List.copyOf(rejected));
    }

    private static byte[] readBounded(Path file, long maxBytes) throws ArticleFileException {
        refuseLink(file, "file");
        // Opened without following a link: a file swapped for a link after the check above is refused too.
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw new ArticleFileException("The file is " + size + " bytes, more than the limit of " + maxBytes
                        + " bytes per file (NEWSFLOW drop folder max file size).");
            }
            return Channels.newInputStream(channel).readNBytes((int) size);
        } catch (NoSuchFileException e) {
            throw new ArticleFileException("The file disappeared before it could be read.", e);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw symbolicLink(file, "file");
            }
            throw new ArticleFileException("The file could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ArticleFileException("The file could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The drop folder never follows a symbolic link: whoever may drop files must not be able to
     * publish what a link points to (/etc/passwd, a key file) under the service's permissions.
     */
    static void refuseLink(Path file, String what) throws ArticleFileException {
        if (Files.isSymbolicLink(file)) {
            throw symbolicLink(file, what);
        }
    }

    private static ArticleFileException symbolicLink(Path file, String what) {
        return new ArticleFileException("The " + what + " " + file.getFileName() + " is a symbolic link; the drop "
                + "folder never follows links (drop the file itself).");
    }

    private static byte[] gunzip(byte[] compressed, long maxBytes) throws ArticleFileException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > maxBytes) {
                    throw new ArticleFileException("Unpacked, the file is more than the limit of " + maxBytes + " bytes.");
                }
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new ArticleFileException("The file is named .gz but is not valid gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ArticleFileException("The gzip file is damaged or truncated: " + e.getMessage(), e);
        }
    }

    /** The format by extension; a file without one is recognised by its first character. */
    private static String type(String name, byte[] bytes) throws ArticleFileException {
        int dot = name.lastIndexOf('.');
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (dot > 0 && dot < name.length() - 1) {
            String extension = name.substring(dot + 1);
            boolean savedPage = start.startsWith("<!doctype html") || start.startsWith("<html");
            // A page saved as .txt is still a page: its tags must not end up in the body.
            return extension.equals("txt") || extension.equals("text") ? savedPage ? "html" : "txt" : extension;
        }
        if (start.startsWith("{")) {
            return "json";
        }
        if (start.startsWith("<?xml") || start.startsWith("<rss") || start.startsWith("<feed")) {
            return "xml";
        }
        if (start.startsWith("<")) {
            return "html";
        }
        return "txt";
    }

    private static String decodeText(byte[] bytes, boolean markup) throws ArticleFileException {
        String text = TextDecoder.decode(bytes, markup).text();
        if (looksBinary(text)) {
            throw new ArticleFileException("The file holds binary data, not text (is it a PDF, an image or a word "
                    + "processor file renamed?).");
        }
        return text;
    }

    /** Text has no NUL bytes and hardly any control characters; binary data has plenty. */
    static boolean looksBinary(String text) {
        int sample = Math.min(text.length(), 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == '\uFFFD') {
                control++;
            }
        }
        return sample > 0 && control * 100 > sample;
    }

    private static ArticleDraft plainText(String text) throws ArticleFileException {
        PlainTextArticle parsed = PARSER.parse(text);
        ArticleDraft draft = fromPlainText(parsed);
        if (!draft.hasText()) {
            throw new ArticleFileException("The text holds no article: no headline and no paragraph, only page chrome.");
        }
        return draft;
    }

    private static ArticleDraft fromPlainText(PlainTextArticle parsed) {
        ArticleDraft draft = new ArticleDraft();
        draft.title = parsed.title();
        draft.body = parsed.body();
        draft.url = parsed.url();
        draft.publishedAt = parsed.publishedAt();
        draft.putMetadata("source", parsed.source());
        draft.putMetadata("byline", parsed.byline() != null ? parsed.byline() : parsed.editor());
        draft.putMetadata("editor", parsed.editor());
        return draft;
    }

    private static ArticleDraft html(String html, String knownUrl) throws ArticleFileException {
        ExtractedPage page = EXTRACTOR.page(html, knownUrl);
        PlainTextArticle cleaned = PARSER.parse(page.text(), page.title());
        ArticleDraft draft = fromPlainText(cleaned);
        draft.title = page.title();
        draft.rawHtml = html;
        draft.url = page.url();
        draft.language = page.language();
        draft.publishedAt = page.published() != null
                ? PublicationDates.parse(page.published()).orElse(cleaned.publishedAt()) : cleaned.publishedAt();
        draft.putMetadata("source", page.siteName());
        draft.putMetadata("byline", page.author());
        if (draft.body.isBlank()) {
            throw new ArticleFileException("The HTML page holds no article text that could be found.");
        }
        return draft;
    }

    private static JsonNode parseJson(String text) throws ArticleFileException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ArticleFileException("The file is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One article as a JSON object; its fields are documented in DROP-FOLDER.md. */
    static ArticleDraft json(JsonNode node) throws ArticleFileException {
        if (node == null || !node.isObject()) {
            throw new ArticleFileException("The JSON is not an object with article fields (title, body, ...).");
        }
        String title = field(node, "title", "headline");
        String body = field(node, "body", "text", "content", "articleBody");
        String html = field(node, "html", "rawHtml");
        String url = field(node, "url", "link");
        ArticleDraft draft;
        if (body == null && html != null) {
            draft = html(html, url);
        } else if (body != null) {
            draft = fromPlainText(PARSER.parse(body, title));
            if (title == null) {
                draft = fromPlainText(PARSER.parse(body));
            }
            draft.rawHtml = html;
        } else {
            throw new ArticleFileException("The JSON article has no body (fields body, text, content or html).");
        }
        if (title != null) {
            draft.title = title;
        }
        if (url != null) {
            draft.url = url;
        }
        String published = field(node, "published", "publishedAt", "published_at", "datePublished", "date");
        if (published != null) {
            draft.publishedAt = PublicationDates.parse(published).orElseThrow(() -> new ArticleFileException(
                    "The JSON field published holds '" + published + "', which is not a date."));
        }
        String language = field(node, "language", "lang");
        if (language != null) {
            draft.language = language;
        }
        draft.putMetadata("source", field(node, "source", "outlet", "siteName"));
        draft.putMetadata("byline", field(node, "byline", "author"));
        JsonNode metadata = node.get("metadata");
        if (metadata != null && metadata.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> entries = metadata.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (entry.getValue().isValueNode()) {
                    draft.putMetadata(entry.getKey(), entry.getValue().asText());
                }
            }
        }
        if (draft.body.isBlank()) {
            throw new ArticleFileException("The JSON article's body is empty.");
        }
        return draft;
    }

    private static void jsonLines(String text, List<ArticleDraft> drafts, List<DropContents.RejectedRecord> rejected) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                drafts.add(json(parseJson(line)));
            } catch (ArticleFileException e) {
                rejected.add(new DropContents.RejectedRecord("line " + (i + 1), e.getMessage(),
                        line.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** A saved feed, read the way the feed reader reads fetched ones: repaired, hardened against XXE. */
    private static void feed(byte[] bytes, List<ArticleDraft> drafts, List<DropContents.RejectedRecord> rejected)
            throws ArticleFileException {
        FeedDocument feed;
        try {
            feed = FEEDS.parse(bytes, null);
        } catch (FeedParseException e) {
            throw new ArticleFileException("The file is not an RSS or Atom feed Newsflow can read ("
                    + e.reason().code() + "): " + e.getMessage(), e);
        }
        if (feed.items().isEmpty()) {
            throw new ArticleFileException("The feed has no items.");
        }
        int index = 0;
        for (FeedItem item : feed.items()) {
            index++;
            String html = item.html().isBlank() ? null : item.html();
            ArticleDraft draft = new ArticleDraft();
            draft.title = item.title();
            draft.body = html == null ? "" : feedText(html);
            draft.url = item.link();
            draft.rawHtml = html;
            draft.publishedAt = item.publishedAt();
            draft.language = feed.language();
            draft.putMetadata("source", feed.title());
            draft.putMetadata("byline", item.author());
            draft.putMetadata("feedItem", item.guid() != null ? item.guid() : item.link());
            if (draft.body.isBlank()) {
                rejected.add(new DropContents.RejectedRecord("item " + index + (draft.title.isBlank() ? "" : " ('"
                        + draft.title + "')"), "The feed item has no text.", draft.title.getBytes(StandardCharsets.UTF_8)));
            } else {
                drafts.add(draft);
            }
        }
    }

    /** The text of a feed item's HTML: the extractor for whole pages, plain paragraphs for short summaries. */
    private static String feedText(String html) {
        String extracted = EXTRACTOR.extract(html, null);
        if (!extracted.isBlank()) {
            return extracted;
        }
        return Jsoup.parseBodyFragment(html).text().strip();
    }

    private static String field(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
