package io.newsflow.enrich;

import io.newsflow.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of an article: when it was published, else when it was fetched. A publication time
 * more than a day after the fetch is a source's mistake (it would push stream time ahead and
 * close every open event), so the fetch time wins then.
 */
public final class ArticleEventTime implements TimestampExtractor {

    private static final Duration CLOCK_SLACK = Duration.ofDays(1);

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof RawArticle article) {
            return of(article);
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }

    public static long of(RawArticle article) {
        Instant fetched = article.getFetchedAt();
        Instant published = article.getPublishedAt();
        if (published != null && (fetched == null || !published.isAfter(fetched.plus(CLOCK_SLACK)))) {
            return published.toEpochMilli();
        }
        return fetched != null ? fetched.toEpochMilli() : 0;
    }
}
