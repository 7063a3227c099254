package io.newsflow.launcher.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A realistic news stream, the same for the same seed: stories of very different sizes (most are
 * one report, a few run to thousands: a capped Pareto tail), each report an English article of 3–6
 * KB naming the story's countries and officials in sentences of its own, syndicated wire copies and
 * updated versions (about a third of the stream, as in real news), arriving over simulated days.
 *
 * <p>The timeline is split at {@link #LIVE_FROM}: what arrives before it is preloaded (it opens the
 * events the measured stream meets, and the idle timeout closes the oldest of them), what arrives
 * after it is the live stream the benchmark drops into the folder.
 */
final class StoryStream {

    /** Where the simulated preload ends and the live stream begins (fixed, so the text is the same every run). */
    static final Instant LIVE_FROM = Instant.parse("2026-06-01T12:00:00Z");

    private static final double SINGLE_REPORT_SHARE = 0.9;
    private static final double PARETO_ALPHA = 1.3;
    private static final int MAX_STORY_SIZE = 2_000;
    private static final double WIRE_COPY_SHARE = 0.3;
    private static final double UPDATE_SHARE = 0.2;
    private static final Duration MAX_STORY_SPAN = Duration.ofDays(7);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Gazetteer gazetteer;
    private final SplittableRandom random;
    private final ArticleWriter writer;

    /** The stream cut in two at {@link #LIVE_FROM}, each part in order of arrival. */
    record Timeline(List<GeneratedArticle> preload, List<GeneratedArticle> live, int openStoriesAtLive) {
    }

    StoryStream(Gazetteer gazetteer, long seed) {
        this.gazetteer = gazetteer;
        this.random = new SplittableRandom(seed);
        this.writer = new ArticleWriter(gazetteer, random, seed);
    }

    /**
     * Stories start at a steady rate, sized so that about {@code openEvents} are open (a report in
     * the last {@code idle}) when the live stream begins; the preload spans the idle window and one
     * day more, so the first day's events close. Generation goes on until {@code liveArticles}
     * articles arrive after {@link #LIVE_FROM}.
     */
    Timeline generate(int openEvents, int liveArticles, Duration idle) {
        double storiesPerHour = Math.max(1.0, openEvents * 1.02 / Math.max(1, idle.toHours()));
        Instant start = LIVE_FROM.minus(idle).minus(Duration.ofDays(1));
        List<GeneratedArticle> preload = new ArrayList<>();
        List<GeneratedArticle> live = new ArrayList<>();
        Instant openFrom = LIVE_FROM.minus(idle);
        int open = 0;
        int story = 0;
        double hours = 0;
        // stories keep starting until the live stream holds enough articles that started before its last ones
        Instant storyStart = start;
        // stories start in order, so once liveArticles arrived before the next start, no later story adds to them
        while (storyStart.isBefore(LIVE_FROM) || arrivedBefore(live, storyStart) < liveArticles) {
            hours += -Math.log(1 - random.nextDouble()) / storiesPerHour;
            storyStart = startOf(start, hours);
            boolean counted = false;
            for (GeneratedArticle article : story(story++, storyStart)) {
                if (article.arrival().isBefore(LIVE_FROM)) {
                    preload.add(article);
                    if (!counted && !article.arrival().isBefore(openFrom)) {
                        open++;
                        counted = true;
                    }
                } else {
                    live.add(article);
                }
            }
        }
        Comparator<GeneratedArticle> byArrival = Comparator.comparing(GeneratedArticle::arrival);
        preload.sort(byArrival);
        live.sort(byArrival);
        return new Timeline(preload, List.copyOf(live.subList(0, Math.min(liveArticles, live.size()))), open);
    }

    private int checkedAt;
    private int arrivedCount;

    /** Live articles arrived before {@code time}: counted again only every 64 stories, the list is long. */
    private int arrivedBefore(List<GeneratedArticle> live, Instant time) {
        if (live.size() - checkedAt >= 64 || arrivedCount == 0 && live.size() > checkedAt) {
            checkedAt = live.size();
            arrivedCount = (int) live.stream().filter(a -> a.arrival().isBefore(time)).count();
        }
        return arrivedCount;
    }

    private static Instant startOf(Instant start, double hours) {
        return start.plusMillis((long) (hours * 3_600_000));
    }

    private List<GeneratedArticle> story(int id, Instant start) {
        int size = storySize();
        Duration span = size == 1 ? Duration.ZERO
                : Duration.ofMinutes(Math.min(MAX_STORY_SPAN.toMinutes(), (long) (60 * Math.pow(size, 0.8))));
        ArticleWriter.Story story = writer.story(id);
        List<GeneratedArticle> articles = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            // reports spread over the story's span, at the pace of its arrival
            double at = size == 1 ? 0 : (double) j / (size - 1);
            Instant arrival = start.plusMillis((long) (at * span.toMillis()) + random.nextInt(60_000));
            String outlet = writer.outlet();
            String url = "https://www." + ArticleWriter.domainOf(outlet) + "/" + DateTimeFormatter.ofPattern("yyyy/MM/dd")
                    .withZone(ZoneOffset.UTC).format(arrival) + "/" + story.slug() + "-" + id + "-" + j;
            String title = story.headline(random);
            String body = story.body(random, DAY.format(arrival));
            String name = "s" + id + "-r" + j;
            GeneratedArticle report = new GeneratedArticle(name + ".json", url, outlet, title, body, arrival.minusSeconds(600),
                    arrival, id, GeneratedArticle.Kind.REPORT);
            articles.add(report);
            if (random.nextDouble() < WIRE_COPY_SHARE) {
                String copyOutlet = writer.outlet();
                articles.add(new GeneratedArticle(name + "-copy.json",
                        "https://" + ArticleWriter.domainOf(copyOutlet) + "/news/" + story.slug() + "-" + id + "-" + j + "-wire",
                        copyOutlet, title, writer.wireCopy(body, random), report.published(),
                        arrival.plusSeconds(60 + random.nextInt(1_200)), id, GeneratedArticle.Kind.WIRE_COPY));
            }
            if (random.nextDouble() < UPDATE_SHARE) {
                articles.add(new GeneratedArticle(name + "-update.json", url, outlet, "UPDATE 1-" + title,
                        body + "\n\n" + story.paragraph(random), report.published(),
                        arrival.plusSeconds(1_800 + random.nextInt(5_400)), id, GeneratedArticle.Kind.UPDATE));
            }
        }
        return articles;
    }

    /** One report with probability 0.9, else a Pareto tail from two reports up to 2,000. */
    private int storySize() {
        if (random.nextDouble() < SINGLE_REPORT_SHARE) {
            return 1;
        }
        double pareto = 2 / Math.pow(1 - random.nextDouble(), 1 / PARETO_ALPHA);
        return (int) Math.min(MAX_STORY_SIZE, Math.floor(pareto));
    }
}
