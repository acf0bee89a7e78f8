package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What thinning keeps, decided from the revisions' authors, visits, times and sizes: another
 * visitor's many revisions cannot push out the two ends of the owner's visits, and nobody's many
 * sessions or cookies keep more than the per-person budget.
 */
class HistoryThinningTest {
    private static final String OWNER = "b:owner";
    private static final long T0 = 1_767_254_400_000L; // 2026-01-01T08:00Z
    private static final long MINUTE = 60_000L;

    /** Builds one sheet's history, a revision at a time, a minute apart. */
    private static final class History {
        final List<HistoryThinning.Row> rows = new ArrayList<>();
        long time = T0;

        History add(int count, String author, String visit, long chars) {
            for (int i = 0; i < count; i++) {
                rows.add(new HistoryThinning.Row(rows.size() + 1, time, author, visit, chars));
                time += MINUTE;
            }
            return this;
        }

        Set<Long> kept(HistoryPolicy policy) {
            HistoryThinning.Result r = HistoryThinning.thin(rows, OWNER, policy);
            Set<Long> kept = new TreeSet<>();
            rows.forEach(row -> kept.add(row.number()));
            r.dropped().forEach(kept::remove);
            return kept;
        }
    }

    private static Set<Long> range(long from, long to) {
        Set<Long> out = new TreeSet<>();
        LongStream.rangeClosed(from, to).forEach(out::add);
        return out;
    }

    @Test
    void aVisitorsHundredAndTenClicksKeepTheOwnersFirstAndLastRevisions() {
        // the owner's visit made #1-#10; then another visitor clicked "Apply SGD step" 110 times (#11-#120)
        History h = new History().add(10, OWNER, "owner-visit", 1_000).add(110, "b:visitor", "visitor-visit", 1_000);
        Set<Long> kept = h.kept(new HistoryPolicy(100, false));

        Set<Long> expected = new TreeSet<>(List.of(1L, 10L, 11L)); // the owner's visit's ends, the visitor's first
        expected.addAll(range(21, 120)); // the newest 100
        assertThat(kept).isEqualTo(expected);
        // before, only the newest 100 stayed: the owner's #1-#10 were all gone
    }

    @Test
    void eachPersonKeepsTheEndsOfTheirLastVisitsOnlyHoweverManySessionsTheyOpen() {
        History h = new History().add(3, OWNER, "o1", 10);
        for (int session = 0; session < 40; session++) { // a visitor dropping their session cookie every 3 edits
            h.add(3, "b:visitor", "v" + session, 10);
        }
        HistoryPolicy policy = new HistoryPolicy(5, false, HistoryPolicy.DEFAULT_MAX_CHARS, 4, 10, Duration.ZERO);
        Set<Long> kept = h.kept(policy);

        Set<Long> expected = new TreeSet<>(List.of(1L, 3L)); // the owner's visit
        expected.add(4L); // the visitor's first revision
        for (int session = 36; session < 40; session++) { // the ends of the visitor's last 4 visits
            long first = 4 + 3L * session;
            expected.add(first);
            expected.add(first + 2);
        }
        expected.addAll(range(119, 123)); // the newest 5
        assertThat(kept).isEqualTo(expected);
        assertThat(kept.size()).isLessThanOrEqualTo((int) (policy.mostVisitRevisions() + policy.keepLast()));
    }

    @Test
    void onlyTheFirstPeopleToEditBesidesTheOwnerHaveTheirVisitsKept() {
        History h = new History().add(2, OWNER, "o", 10);
        for (int person = 0; person < 6; person++) { // six cookies, two edits each
            h.add(2, "b:p" + person, "s" + person, 10);
        }
        HistoryPolicy policy = new HistoryPolicy(1, false, HistoryPolicy.DEFAULT_MAX_CHARS, 10, 2, Duration.ZERO);
        // the owner's #1-#2, p0's #3-#4, p1's #5-#6; nobody else's but the newest (#14)
        assertThat(h.kept(policy)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 14L);
    }

    @Test
    void revisionsWithoutAnAuthorCountOnlyForTheNewestAndTheDays() {
        History h = new History().add(5, null, null, 10);
        assertThat(h.kept(new HistoryPolicy(2, false))).containsExactly(4L, 5L);
    }

    /**
     * Over the size budget the least important go first: the newest revisions of the flood, then
     * the visitor's visits, never the owner's (the history says it is full).
     */
    @Test
    void overTheBudgetTheFloodGoesBeforeTheOwnersVisitsAndTheHistoryIsFull() {
        History h = new History().add(4, OWNER, "o1", 100).add(30, "b:visitor", "v1", 100);
        HistoryPolicy policy = new HistoryPolicy(100, false, 700, 10, 10, Duration.ZERO);
        HistoryThinning.Result r = HistoryThinning.thin(h.rows, OWNER, policy);
        Set<Long> kept = h.kept(policy);
        // the newest (#34), the owner's first and last (#1, #4), the visitor's first (#5), then the newest
        // three more (#33, #32, #31): 7 × 100 characters
        assertThat(kept).containsExactly(1L, 4L, 5L, 31L, 32L, 33L, 34L);
        assertThat(r.full()).isTrue();

        assertThat(HistoryThinning.thin(h.rows, OWNER, new HistoryPolicy(100, false, 3_400, 10, 10, Duration.ZERO)).full())
                .as("everything fits").isFalse();
    }

    @Test
    void theNewestAlwaysStaysEvenAloneOverTheBudget() {
        History h = new History().add(3, OWNER, "o", 50).add(1, "b:v", "v", 5_000);
        HistoryThinning.Result r = HistoryThinning.thin(h.rows, OWNER, new HistoryPolicy(100, true, 1_000));
        assertThat(r.dropped()).containsExactly(1L, 2L, 3L);
        assertThat(r.full()).isTrue();
    }

    @Test
    void theDailyRuleKeepsTheNewestOfEachDayBeyondTheLastN() {
        History h = new History();
        for (int day = 0; day < 3; day++) {
            h.add(4, null, null, 10);
            h.time += Duration.ofDays(1).toMillis();
        }
        // days: #1-#4, #5-#8, #9-#12; the last 2, then the newest of each earlier day
        assertThat(h.kept(new HistoryPolicy(2, true))).containsExactly(4L, 8L, 11L, 12L);
    }
}
