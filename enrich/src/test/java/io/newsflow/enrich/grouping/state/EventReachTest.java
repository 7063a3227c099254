package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermSlots;
import io.newsflow.enrich.grouping.vectors.TermVector;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventReachTest {

    private static final double FLOOR = 0.05;

    /**
     * The bound never says "cannot reach" of an event a member of which reaches the floor, whatever
     * the vectors: many members, terms sharing their top bits, events past the kept term count.
     */
    @Test
    void neverRulesOutAnEventWithAMemberAtTheFloor() {
        SplittableRandom random = new SplittableRandom(11);
        // a small vocabulary, some words differing only in their low bits, so that terms collide in the bound's keys
        long[] vocabulary = new long[3_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = i % 3 == 0 && i > 0 ? vocabulary[i - 1] ^ (1 + random.nextInt(1 << 20)) : random.nextLong();
        }
        EventReach reach = new EventReach();
        int checked = 0;
        int ruledOut = 0;
        for (int e = 0; e < 300; e++) {
            EventState event = event("ev-" + e, random.nextInt(1, e % 10 == 0 ? 30 : 4), vocabulary, random);
            reach.put(event);
            for (int a = 0; a < 20; a++) {
                TermVector article = unitVector(vocabulary, random.nextInt(5, 150), random);
                TermSlots.Spread spread = new TermSlots.Spread(article);
                double best = event.features.values().stream().mapToDouble(f -> spread.dot(f.vector())).max().orElseThrow();
                EventReach.Probe probe = new EventReach.Probe(article);
                assertThat(reach.mayReach(event.eventId, probe, best)).as("event %d article %d at %.6f", e, a, best).isTrue();
                checked++;
                if (!reach.mayReach(event.eventId, probe, FLOOR)) {
                    assertThat(best).isLessThan(FLOOR);
                    ruledOut++;
                }
            }
        }
        assertThat(checked).isEqualTo(6_000);
        assertThat(ruledOut).as("the bound rules some events out (215 of 6,000 here)").isGreaterThan(100);
    }

    /** For an event of one member the bound is the cosine itself, give or take the rounding of weights. */
    @Test
    void isTightForAnEventOfOneMember() {
        SplittableRandom random = new SplittableRandom(3);
        long[] vocabulary = random.longs(5_000).toArray();
        EventReach reach = new EventReach();
        for (int e = 0; e < 200; e++) {
            EventState event = event("ev-" + e, 1, vocabulary, random);
            reach.put(event);
            TermVector article = unitVector(vocabulary, 150, random);
            double cosine = new TermSlots.Spread(article).dot(event.features.values().iterator().next().vector());
            EventReach.Probe probe = new EventReach.Probe(article);
            assertThat(reach.mayReach(event.eventId, probe, cosine)).isTrue();
            assertThat(reach.mayReach(event.eventId, probe, cosine + 0.01)).as("event %d at %.4f", e, cosine).isFalse();
        }
    }

    @Test
    void holdsWhatWasPutUntilRemoved() {
        EventReach reach = new EventReach();
        SplittableRandom random = new SplittableRandom(1);
        EventState event = event("ev-1", 2, random.longs(100).toArray(), random);
        TermVector unrelated = TermVector.ofSorted(new long[] {1, 2}, new double[] {0.6, 0.8});
        reach.put(event);
        assertThat(reach.holds("ev-1")).isTrue();
        assertThat(reach.mayReach("ev-1", new EventReach.Probe(unrelated), FLOOR)).isFalse();
        reach.remove("ev-1");
        assertThat(reach.holds("ev-1")).isFalse();
        assertThat(reach.mayReach("ev-1", new EventReach.Probe(unrelated), FLOOR)).as("unknown events may reach").isTrue();
        EventState empty = new EventState("ev-2");
        reach.put(empty);
        assertThat(reach.holds("ev-2")).isTrue();
        assertThat(reach.mayReach("ev-2", new EventReach.Probe(unrelated), FLOOR)).as("no features, no bound").isTrue();
    }

    private static EventState event(String id, int members, long[] vocabulary, SplittableRandom random) {
        EventState event = new EventState(id);
        for (int m = 0; m < members; m++) {
            String articleId = id + "/" + m;
            event.members.add(new EventState.Member(articleId, "s", null, "t", null, m, 1.0, List.of(), List.of(), null, null));
            event.features.put(articleId, new MemberFeatures(unitVector(vocabulary, random.nextInt(1, 150), random),
                    List.of(), null, List.of(), List.of(), ""));
        }
        return event;
    }

    /** A unit vector of positive weights, as stored (floats), over terms drawn with a skew to the first words. */
    private static TermVector unitVector(long[] vocabulary, int size, SplittableRandom random) {
        List<Long> terms = new ArrayList<>();
        while (terms.size() < size) {
            long term = vocabulary[(int) Math.min(vocabulary.length - 1, Math.pow(vocabulary.length, random.nextDouble()))];
            if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        double[] weights = new double[size];
        double norm = 0;
        for (int i = 0; i < size; i++) {
            weights[i] = random.nextDouble() * random.nextDouble();
            norm += weights[i] * weights[i];
        }
        for (int i = 0; i < size; i++) {
            weights[i] /= Math.sqrt(norm);
        }
        return TermVector.sorted(terms.stream().mapToLong(Long::longValue).toArray(), weights, size).asStored();
    }
}
