package io.newsflow.launcher.pipeline;

import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.drops.DropFolderService;
import io.newsflow.launcher.config.Settings;
import io.newsflow.sink.SinkService;
import java.util.Map;

/** Builds each stage from the settings; the only place that knows the services' constructors. */
public final class Stages {

    private Stages() {
    }

    public static Stage ingest(Settings settings, Map<String, Object> kafka) {
        DropFolderService drops = new DropFolderService(settings.dropFolder(), kafka, settings.topics());
        return new Stage("ingest", drops::start, drops::healthy, drops);
    }

    public static Stage enrich(Settings settings, Map<String, Object> kafka) {
        EnrichService enrich = new EnrichService(settings.enrich(), kafka, settings.topics());
        return new Stage("enrich", enrich::start, enrich::healthy, enrich);
    }

    public static Stage sink(Settings settings, Map<String, Object> kafka) {
        SinkService sink = new SinkService(settings.sink(), kafka, settings.topics());
        return new Stage("sink", sink::start, sink::healthy, sink);
    }
}
