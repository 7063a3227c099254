package io.newsflow.enrich;

import io.newsflow.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of an article: when it was published, else when it was fetched. A publication time
 * more than a day after the fetch is a source's mistake (it would push stream time ahead and
 * close every open event), so the fetch time wins then.
 *
 * <p>An undated article's fetch time is only an upper bound on when it happened. In a live stream
 * it is a fair estimate. But when articles fetched together carry publication times far behind
 * their fetch (a back-fill: a drop folder of old files, an archive replay), an undated one among
 * them would push stream time years ahead, close every open event and decay every document
 * frequency. So an undated article fetched within a day of the partition's latest fetch, while
 * the stream's time is more than a day behind that fetch, takes the stream's time: it carries no
 * time of its own and does not move the clock. An undated article fetched long after the others
 * (a live stream after a quiet spell) keeps its fetch time.
 */
public final class ArticleEventTime implements TimestampExtractor {

    private static final long CLOCK_SLACK = Duration.ofDays(1).toMillis();

    /** Latest fetch time seen per topic partition (the extractor may serve several tasks). */
    private final Map<String, Long> latestFetch = new ConcurrentHashMap<>();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof RawArticle article) {
            String partition = record.topic() + "/" + record.partition();
            Long previousFetch = latestFetch.get(partition);
            if (article.getFetchedAt() != null) {
                latestFetch.merge(partition, article.getFetchedAt().toEpochMilli(), Math::max);
            }
            return of(article, partitionTime, previousFetch == null ? -1 : previousFetch);
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }

    /**
     * The event time of an article arriving when the stream's time is {@code streamTime} and the
     * latest fetch before it was at {@code latestFetch} (negative: none yet).
     */
    public static long of(RawArticle article, long streamTime, long latestFetch) {
        long time = of(article);
        boolean undated = article.getPublishedAt() == null || time != article.getPublishedAt().toEpochMilli();
        boolean backFill = streamTime >= 0 && latestFetch >= 0
                && time - streamTime > CLOCK_SLACK && time - latestFetch <= CLOCK_SLACK;
        return undated && backFill ? streamTime : time;
    }

    public static long of(RawArticle article) {
        Instant fetched = article.getFetchedAt();
        Instant published = article.getPublishedAt();
        if (published != null && (fetched == null || !published.isAfter(fetched.plus(Duration.ofMillis(CLOCK_SLACK))))) {
            return published.toEpochMilli();
        }
        return fetched != null ? fetched.toEpochMilli() : 0;
    }
}
