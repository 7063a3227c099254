package io.newsflow.launcher.pipeline;

import java.util.function.BooleanSupplier;

/** One running stage (ingest, enrich or sink) as the launcher sees it: start, health, stop. */
public record Stage(String name, Runnable start, BooleanSupplier healthy, BooleanSupplier ready, AutoCloseable stop) {

    /** A stage that is ready whenever it is healthy. */
    public Stage(String name, Runnable start, BooleanSupplier healthy, AutoCloseable stop) {
        this(name, start, healthy, healthy, stop);
    }
}
