package io.newsflow.ingest.feeds.parsing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code newsflow feeds parse FILE...}: parses saved feed files offline, one line per file
 * (items found, or the error class and reason) and a last line
 * {@code parse files=<n> ok=<k> rejected=<r> crashed=<c>}.
 */
public final class FeedFileParser {

    private final FeedDocumentParser parser = new FeedDocumentParser();

    /** Runs the command; the exit code is 0 when every file was read, 1 when some were rejected, 2 on a crash. */
    public static int run(List<Path> files, PrintStream out) {
        FeedParseReport report = new FeedFileParser().parseAll(files, out);
        out.println(report.summaryLine());
        out.flush();
        return report.exitCode();
    }

    /** Parses each file and prints its line; returns the counts. */
    public FeedParseReport parseAll(List<Path> files, PrintStream out) {
        int ok = 0;
        int rejected = 0;
        int crashed = 0;
        for (Path file : files) {
            try {
                FeedDocument document = parser.parse(Files.readAllBytes(file), null);
                ok++;
                out.println(file + ": ok type=" + document.feedType() + " items=" + document.items().size()
                        + (document.repaired().isEmpty() ? "" : " repaired=" + String.join("; ", document.repaired())));
            } catch (FeedParseException e) {
                rejected++;
                out.println(file + ": rejected " + e.reason().code() + ": " + e.getMessage());
            } catch (IOException e) {
                // A file that cannot be read is a rejected input, not a parser crash.
                rejected++;
                out.println(file + ": rejected unreadable-file: " + e);
            } catch (RuntimeException | StackOverflowError e) {
                crashed++;
                out.println(file + ": crashed " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
        return new FeedParseReport(files.size(), ok, rejected, crashed);
    }
}
