package io.newsflow.enrich;

import io.newsflow.schemas.RawArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The time that drives grouping's clock (document-frequency decay, closing idle events): when the
 * article reached the pipeline, its fetch time, recorded by ingest in the article itself (so a
 * replay of the topic runs the same clock).
 *
 * <p>Why not the publication time: it is missing on many pages, sometimes wrong, and a back-fill
 * (a drop folder of old files, an archive) delivers publication times years apart in any order. A
 * clock driven by them jumps back and forth: the first article dated 2013 would close every open
 * event of 2008 while more reports of it are still arriving, and an undated article would push the
 * clock to today. Arrival time only moves forward with the stream, in a live feed it is within
 * minutes of publication, and in a back-fill it keeps every event open while its reports are read.
 * Publication days still decide what they are good for: the day veto between reports
 * ({@code DateMentions}, {@code EventSimilarity}).
 */
public final class ArticleEventTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof RawArticle article && article.getFetchedAt() != null) {
            return of(article);
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }

    public static long of(RawArticle article) {
        return article.getFetchedAt().toEpochMilli();
    }
}
