package io.newsflow.ingest.feeds.http;

import io.newsflow.ingest.feeds.config.FeedSettings;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP GET as a polite client does it, on Apache HttpClient 5: a limit of requests in flight per
 * host, a pause for a whole host after a 429/503 with Retry-After, connect and whole-response
 * timeouts, redirects followed by hand (limit, loop detection, the target of a permanent redirect
 * reported, credentials for the feed's own origin only), gzip/deflate, and a maximum body size
 * enforced while reading and again while decompressing.
 *
 * <p>Fetches that feed content chooses (item pages, and every redirect hop that leaves the origin
 * the operator wrote) go through the {@link AddressGuard}; the feed URL itself is trusted, since
 * operators may poll internal feeds. HttpClient 5 is used rather than java.net.http because it takes
 * a DNS resolver, which is what pins the checked address to the connection.
 */
public final class FeedHttp implements AutoCloseable {

    public static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    /** Headers of the connection, not of a feed (java.net.http refused them too). */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /**
     * A response.
     *
     * @param status             HTTP status of the last hop
     * @param finalUri           the URI that answered
     * @param movedPermanentlyTo where the request URI moved for good, when every redirect was 301/308
     * @param headers            headers of the last hop
     * @param body               the decompressed body (empty for 304 and errors without body)
     */
    public record Response(int status, URI finalUri, URI movedPermanentlyTo, HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private final FeedsConfig config;
    private final Clock clock;
    private final PollTiming timing;
    private final AddressGuard guard;
    private final Map<String, CloseableHttpClient> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines;
    private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();
    private final Map<String, Instant> hostPausedUntil = new ConcurrentHashMap<>();

    public FeedHttp(FeedsConfig config) {
        this(config, Clock.systemUTC());
    }

    public FeedHttp(FeedsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.timing = new PollTiming(config, () -> 0.0);
        this.guard = new AddressGuard(config.allowedRanges());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "feed-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * GETs the feed document at {@code uri} for {@code feed} with its headers, User-Agent, auth and
     * proxy plus {@code extraHeaders}. Hops on the origin of the configured feed URL are trusted;
     * a redirect elsewhere (or a remembered one) is guarded.
     */
    public Response get(FeedSettings feed, URI uri, String accept, Map<String, String> extraHeaders) throws FetchException {
        return fetch(feed, uri, accept, extraHeaders, false);
    }

    /** GETs a page an item links to: every hop guarded, no feed credentials or headers. */
    public Response getPage(FeedSettings feed, URI uri) throws FetchException {
        return fetch(feed.withHeaders(Map.of()).withBasicAuth(null, null), uri, PAGE_ACCEPT, Map.of(), true);
    }

    private Response fetch(FeedSettings feed, URI uri, String accept, Map<String, String> extraHeaders, boolean chosenByContent)
            throws FetchException {
        URI current = uri;
        URI permanent = null;
        boolean allPermanent = true;
        Set<URI> visited = new HashSet<>();
        for (int hop = 0; ; hop++) {
            if (!visited.add(current)) {
                throw new FetchException("redirect-loop", "redirect loop at " + current, null);
            }
            // Only the configured origin gets credentials, on every hop, even after a remembered 301 elsewhere:
            // another port may be another service, and plain http would expose them on the wire.
            boolean operatorsOrigin = sameOrigin(current, feed.url());
            Response response = once(feed, current, accept, extraHeaders, operatorsOrigin, chosenByContent || !operatorsOrigin);
            int status = response.status();
            if (status < 300 || status >= 400 || status == 304) {
                return new Response(status, current, allPermanent ? permanent : null, response.headers(), response.body());
            }
            String location = response.header("Location");
            if (location == null || location.isBlank()) {
                return new Response(status, current, null, response.headers(), response.body());
            }
            if (hop >= config.maxRedirects()) {
                throw new FetchException("too-many-redirects", "more than " + config.maxRedirects() + " redirects from " + uri, null);
            }
            URI next;
            try {
                next = current.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                throw new FetchException("bad-redirect", "redirect to an invalid location: " + location, e);
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException("bad-redirect", "redirect to a non-HTTP location: " + location, null);
            }
            if (status == 301 || status == 308) {
                if (allPermanent) {
                    permanent = next;
                }
            } else {
                allPermanent = false;
            }
            current = next;
        }
    }

    /** Same scheme, host and port (a default port written out or left implicit is the same origin). */
    static boolean sameOrigin(URI a, URI b) {
        String scheme = String.valueOf(a.getScheme()).toLowerCase(Locale.ROOT);
        return a.getHost() != null && b.getHost() != null
                && scheme.equals(String.valueOf(b.getScheme()).toLowerCase(Locale.ROOT))
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Response once(FeedSettings feed, URI uri, String accept, Map<String, String> extraHeaders, boolean sameOrigin,
                          boolean guarded) throws FetchException {
        HttpGet request = request(feed, uri, accept, extraHeaders, sameOrigin);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (guarded && feed.proxy() != null) {
            // Through a proxy the proxy resolves names: what can be checked here is an address literal.
            checkLiteral(host);
        }
        checkNotPaused(host);
        Semaphore slots = hostSlot(host, uri);
        CloseableHttpClient client = client(feed.proxy(), guarded);  // built outside the deadline: TLS setup takes a while
        AtomicBoolean timedOut = new AtomicBoolean();
        // The whole response, headers and body, within readTimeout: a server trickling bytes is cut off too.
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> response(request, uri, host, response));
        } catch (IOException | IllegalStateException e) {
            throw failure(uri, e, timedOut.get());
        } finally {
            deadline.cancel(false);
            slots.release();
        }
    }

    /** The GET with the feed's headers; credentials and custom headers only when {@code sameOrigin}. */
    private static HttpGet request(FeedSettings feed, URI uri, String accept, Map<String, String> extraHeaders,
                                   boolean sameOrigin) throws FetchException {
        HttpGet request;
        try {
            request = new HttpGet(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad-url", "not a URL that can be fetched: " + uri, e);
        }
        if (uri.getHost() == null) {
            throw new FetchException("bad-url", "not a URL that can be fetched: " + uri, null);
        }
        request.setHeader("User-Agent", feed.userAgent());
        request.setHeader("Accept", accept);
        request.setHeader("Accept-Encoding", "gzip, deflate");
        Map<String, String> headers = new LinkedHashMap<>();
        // Credentials and custom headers go to the configured origin only, never to a redirect target elsewhere.
        if (sameOrigin) {
            headers.putAll(feed.headers());
            if (feed.username() != null) {
                String pair = feed.username() + ":" + (feed.password() == null ? "" : feed.password());
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
        }
        headers.putAll(extraHeaders);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                // These belong to the connection, not to the feed; the message names the header, not its value.
                throw new FetchException("bad-header", "a configured header cannot be sent: " + header.getKey(), null);
            }
            request.setHeader(header.getKey(), header.getValue());
        }
        return request;
    }

    /** A host that answered 429/503 with Retry-After is left alone by every feed and page fetch until then. */
    private void checkNotPaused(String host) throws FetchException {
        Instant pausedUntil = hostPausedUntil.get(host);
        if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
            throw new FetchException("host-paused", host + " asked for a pause until " + pausedUntil, null);
        }
    }

    /** Takes one of the host's connection slots, waiting at most the read timeout; the caller releases it. */
    private Semaphore hostSlot(String host, URI uri) throws FetchException {
        Semaphore slots = hostSlots.computeIfAbsent(host, key -> new Semaphore(config.perHostConcurrency(), true));
        try {
            if (!slots.tryAcquire(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("host-busy", "no free connection slot for " + uri.getHost(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while waiting for " + uri.getHost(), e);
        }
        return slots;
    }

    /** Reads one response: a 429/503 pauses the host for its Retry-After; the body is read and decompressed. */
    private Response response(HttpGet request, URI uri, String host, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        HttpHeaders responseHeaders = headersOf(response);
        if (status == 429 || status == 503) {
            Instant now = clock.instant();
            timing.retryAfter(responseHeaders.firstValue("Retry-After").orElse(null), now)
                    .ifPresent(pause -> hostPausedUntil.put(host, now.plus(pause)));
        }
        try {
            byte[] raw = readBody(response.getEntity());
            byte[] body = decompress(raw, responseHeaders.firstValue("Content-Encoding").orElse(""));
            return new Response(status, uri, null, responseHeaders, body);
        } catch (IOException e) {
            // Drop the connection: closing it normally would read the rest of an endless body.
            request.cancel();
            throw e;
        }
    }

    /** What a failed request means; an IllegalStateException not caused by the deadline is a bug and is rethrown. */
    private FetchException failure(URI uri, Exception e, boolean timedOut) {
        // A request cancelled at its deadline fails with whatever step it was in, sometimes an IllegalStateException.
        if (timedOut) {
            return new FetchException("timeout", "no complete response from " + uri.getHost() + " within " + config.readTimeout(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            return new FetchException("interrupted", "interrupted while fetching " + uri, e);
        }
        if (e instanceof IllegalStateException bug) {
            throw bug;
        }
        return classify(uri, e);
    }

    private void checkLiteral(String host) throws FetchException {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            try {
                guard.check(host, InetAddress.getByName(literal));
            } catch (AddressGuard.AddressRefusedException e) {
                throw new FetchException("address-refused", e.getMessage(), e);
            } catch (UnknownHostException e) {
                throw new FetchException("bad-url", "not an address: " + host, e);
            }
        }
    }

    private static HttpHeaders headersOf(ClassicHttpResponse response) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            map.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    /** The body up to the size limit; reading stops there, so an endless body costs nothing. */
    private byte[] readBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > config.maxBodyBytes()) {
            throw new BodyTooLargeException(config.maxBodyBytes(), "declared Content-Length " + declared + ", body");
        }
        // Not closed here: closing reads the rest of the body to reuse the connection, which an endless
        // body never ends; on failure the caller cancels the request, on success the client releases it.
        InputStream in = entity.getContent();
        return readLimited(in, "body");
    }

    private static FetchException classify(URI uri, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressGuard.AddressRefusedException refused) {
                return new FetchException("address-refused", refused.getMessage(), refused);
            }
            if (cause instanceof BodyTooLargeException tooLarge) {
                return new FetchException("body-too-large", tooLarge.getMessage(), tooLarge);
            }
            if (cause instanceof FetchIOException wrapped) {
                return wrapped.failure;
            }
        }
        if (failure instanceof ConnectTimeoutException) {
            return new FetchException("connect-timeout", "connecting to " + uri.getHost() + " timed out", failure);
        }
        if (failure instanceof SocketTimeoutException) {
            return new FetchException("timeout", "no response from " + uri.getHost() + " in time", failure);
        }
        if (failure instanceof ConnectException) {
            return new FetchException("connect-failed", "cannot connect to " + uri.getHost() + ": " + failure.getMessage(), failure);
        }
        if (failure instanceof UnknownHostException) {
            return new FetchException("unknown-host", "cannot resolve " + uri.getHost(), failure);
        }
        return new FetchException("io-error", "fetching " + uri + " failed: " + failure, failure);
    }

    /**
     * One client per proxy and trust: fetches that feed content chooses go through a client whose
     * DNS resolver is the {@link AddressGuard}, with a connection pool of its own (a connection the
     * operator's feed opened is never lent to them).
     */
    private CloseableHttpClient client(String proxy, boolean guarded) {
        String key = (guarded ? "guarded " : "trusted ") + (proxy == null ? "" : proxy);
        return clients.computeIfAbsent(key, k -> {
            PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(config.perHostConcurrency())
                    .setMaxConnTotal(Math.max(20, config.perHostConcurrency() * 10))
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(config.connectTimeout()))
                            .setSocketTimeout(Timeout.of(config.readTimeout()))
                            .build());
            if (guarded && proxy == null) {
                connections.setDnsResolver(guard);
            }
            HttpClientBuilder builder = HttpClients.custom()
                    .setConnectionManager(connections.build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.of(config.readTimeout()))
                            .setResponseTimeout(Timeout.of(config.readTimeout()))
                            .build())
                    // Redirects are followed by hand (origin and guard per hop); bodies are decompressed
                    // here, under the size limit; a failed GET is retried at the next poll, not at once.
                    .disableRedirectHandling()
                    .disableContentCompression()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableAuthCaching();
            if (proxy != null) {
                int colon = proxy.lastIndexOf(':');
                builder.setProxy(new HttpHost(proxy.substring(0, colon), Integer.parseInt(proxy.substring(colon + 1))));
            }
            return builder.build();
        });
    }

    /** Closes every connection, which also ends fetches in flight (shutdown). */
    @Override
    public void close() {
        deadlines.shutdownNow();
        clients.values().forEach(client -> client.close(CloseMode.IMMEDIATE));
    }

    private byte[] decompress(byte[] body, String encoding) throws IOException {
        String coding = encoding.trim().toLowerCase(Locale.ROOT);
        if (body.length == 0 || coding.isEmpty() || coding.equals("identity")) {
            return body;
        }
        try {
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    return readLimited(in, "decompressed body");
                }
            }
            if (coding.equals("deflate")) {
                // "deflate" should be zlib-wrapped; some servers send raw deflate.
                boolean zlib = body.length > 1 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) * 256 + (body[1] & 0xFF)) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body), inflater)) {
                    return readLimited(in, "decompressed body");
                } finally {
                    inflater.end();  // an Inflater passed in is not ended by the stream
                }
            }
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchIOException(new FetchException("bad-encoding", "cannot decompress " + coding + " body: " + e.getMessage(), e));
        }
        return body;
    }

    /** Reads to the end or to the size limit, whichever comes first; the caller closes the stream. */
    private byte[] readLimited(InputStream in, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > config.maxBodyBytes()) {
                throw new BodyTooLargeException(config.maxBodyBytes(), what);
            }
        }
        return out.toByteArray();
    }

    /** A body longer than allowed; reading stops at the limit. */
    static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;
        BodyTooLargeException(long limit, String what) {
            super(what + " larger than " + limit + " bytes");
        }
    }

    /** Carries a classified failure out of the response handler, which may only throw IOException. */
    private static final class FetchIOException extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient FetchException failure;

        FetchIOException(FetchException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }
}
