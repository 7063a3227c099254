package io.newsflow.ingest.feeds.parsing;

/** Counts of one {@code feeds parse} run. */
public record FeedParseReport(int files, int ok, int rejected, int crashed) {

    public String summaryLine() {
        return "parse files=" + files + " ok=" + ok + " rejected=" + rejected + " crashed=" + crashed;
    }

    public int exitCode() {
        return crashed > 0 ? 2 : rejected > 0 ? 1 : 0;
    }
}
