package io.newsflow.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * HTTP GET as a polite client does it, on java.net.http: a limit of requests in flight per host,
 * a pause for a whole host after a 429/503 with Retry-After,
 * connect and whole-response timeouts, redirects followed by hand (limit, loop detection, the
 * target of a permanent redirect reported), gzip/deflate, and a maximum body size enforced while
 * reading and again while decompressing.
 */
final class FeedHttp {

    static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /**
     * A response.
     *
     * @param status             HTTP status of the last hop
     * @param finalUri           the URI that answered
     * @param movedPermanentlyTo where the request URI moved for good, when every redirect was 301/308
     * @param headers            headers of the last hop
     * @param body               the decompressed body (empty for 304 and errors without body)
     */
    record Response(int status, URI finalUri, URI movedPermanentlyTo, HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    private final FeedsConfig config;
    private final Clock clock;
    private final PollTiming timing;
    private final Map<String, HttpClient> clientsByProxy = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();
    private final Map<String, Instant> hostPausedUntil = new ConcurrentHashMap<>();

    FeedHttp(FeedsConfig config) {
        this(config, Clock.systemUTC());
    }

    FeedHttp(FeedsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.timing = new PollTiming(config, () -> 0.0);
    }

    /** GETs {@code uri} for {@code feed} with its headers, User-Agent, auth and proxy plus {@code extraHeaders}. */
    Response get(FeedSettings feed, URI uri, String accept, Map<String, String> extraHeaders) throws FetchException {
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
            Response response = once(feed, current, accept, extraHeaders, sameOrigin(current, feed.url()));
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
            if (next.getScheme() == null || !next.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
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

    private Response once(FeedSettings feed, URI uri, String accept, Map<String, String> extraHeaders, boolean sameOrigin)
            throws FetchException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri).GET().timeout(config.readTimeout());
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad-url", "not a URL that can be fetched: " + uri, e);
        }
        request.setHeader("User-Agent", feed.userAgent());
        request.setHeader("Accept", accept);
        request.setHeader("Accept-Encoding", "gzip, deflate");
        try {
            // Credentials and custom headers go to the configured origin only, never to a redirect target elsewhere.
            if (sameOrigin) {
                feed.headers().forEach(request::setHeader);
                if (feed.username() != null) {
                    String pair = feed.username() + ":" + (feed.password() == null ? "" : feed.password());
                    request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                }
            }
            extraHeaders.forEach(request::setHeader);
        } catch (IllegalArgumentException e) {
            // The JDK refuses restricted headers such as Host; the message names the header, not its value.
            throw new FetchException("bad-header", "a configured header cannot be sent: " + e.getMessage(), e);
        }
        String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
        // A host that answered 429/503 with Retry-After is left alone by every feed and page fetch until then.
        Instant pausedUntil = hostPausedUntil.get(host);
        if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
            throw new FetchException("host-paused", host + " asked for a pause until " + pausedUntil, null);
        }
        Semaphore slots = hostSlots.computeIfAbsent(host, key -> new Semaphore(config.perHostConcurrency(), true));
        try {
            if (!slots.tryAcquire(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("host-busy", "no free connection slot for " + uri.getHost(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while waiting for " + uri.getHost(), e);
        }
        CompletableFuture<HttpResponse<byte[]>> future = null;
        try {
            future = client(feed.proxy()).sendAsync(request.build(), this::limitedBody);
            HttpResponse<byte[]> response = future.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() == 429 || response.statusCode() == 503) {
                Instant now = clock.instant();
                timing.retryAfter(response.headers().firstValue("Retry-After").orElse(null), now)
                        .ifPresent(pause -> hostPausedUntil.put(host, now.plus(pause)));
            }
            byte[] body = decompress(response.body(), response.headers().firstValue("Content-Encoding").orElse(""));
            return new Response(response.statusCode(), uri, null, response.headers(), body);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException("timeout", "no complete response from " + uri.getHost() + " within " + config.readTimeout(), e);
        } catch (ExecutionException e) {
            throw classify(uri, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while fetching " + uri, e);
        } finally {
            slots.release();
        }
    }

    private static FetchException classify(URI uri, Throwable cause) {
        if (cause instanceof BodyTooLargeException tooLarge) {
            return new FetchException("body-too-large", tooLarge.getMessage(), tooLarge);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException("connect-timeout", "connecting to " + uri.getHost() + " timed out", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException("timeout", "no response from " + uri.getHost() + " in time", cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchException("connect-failed", "cannot connect to " + uri.getHost() + ": " + cause.getMessage(), cause);
        }
        return new FetchException("io-error", "fetching " + uri + " failed: " + cause, cause);
    }

    private HttpClient client(String proxy) {
        return clientsByProxy.computeIfAbsent(proxy == null ? "" : proxy, key -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(config.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1);
            if (!key.isEmpty()) {
                int colon = key.lastIndexOf(':');
                builder.proxy(ProxySelector.of(new InetSocketAddress(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)))));
            }
            return builder.build();
        });
    }

    private HttpResponse.BodySubscriber<byte[]> limitedBody(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new LimitedBodySubscriber(config.maxBodyBytes(), declared > config.maxBodyBytes() ? declared : -1);
    }

    private byte[] decompress(byte[] body, String encoding) throws FetchException {
        String coding = encoding.trim().toLowerCase(Locale.ROOT);
        if (body.length == 0 || coding.isEmpty() || coding.equals("identity")) {
            return body;
        }
        try {
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return readLimited(new GZIPInputStream(new ByteArrayInputStream(body)));
            }
            if (coding.equals("deflate")) {
                // "deflate" should be zlib-wrapped; some servers send raw deflate.
                boolean zlib = body.length > 1 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) * 256 + (body[1] & 0xFF)) % 31 == 0;
                return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib)));
            }
        } catch (BodyTooLargeException e) {
            throw new FetchException("body-too-large", e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchException("bad-encoding", "cannot decompress " + coding + " body: " + e.getMessage(), e);
        }
        return body;
    }

    private byte[] readLimited(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > config.maxBodyBytes()) {
                    throw new BodyTooLargeException(config.maxBodyBytes(), "decompressed body");
                }
            }
            return out.toByteArray();
        }
    }

    /** A body longer than allowed; reading stops at the limit. */
    static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;
        BodyTooLargeException(long limit, String what) {
            super(what + " larger than " + limit + " bytes");
        }
    }

    /** Collects a body up to a limit and cancels the stream beyond it, so an endless body costs nothing. */
    private static final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final long declaredTooLarge;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBodySubscriber(long limit, long declaredTooLarge) {
            this.limit = limit;
            this.declaredTooLarge = declaredTooLarge;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredTooLarge > 0) {
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(limit, "declared Content-Length " + declaredTooLarge + ", body"));
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(limit, "body"));
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
