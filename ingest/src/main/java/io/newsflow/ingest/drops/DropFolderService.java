package io.newsflow.ingest.drops;

import io.newsflow.topics.Topics;
import java.util.Map;

/** Watches the drop folder and produces one RawArticle per article found in each file. STUB: to be written. */
public final class DropFolderService implements AutoCloseable {

    public DropFolderService(DropFolderConfig config, Map<String, Object> kafkaProperties, Topics topics) {
    }

    public void start() {
    }

    /** True while the service runs and can reach its folder and the broker. */
    public boolean healthy() {
        return true;
    }

    @Override
    public void close() {
    }
}
