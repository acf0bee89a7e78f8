package dev.gradsheet.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which revisions of one sheet a {@link HistoryPolicy} keeps, from their numbers, times,
 * authors, visits and sizes alone (no database, no text). The kept revisions are ranked, most
 * important first:
 * <ol>
 *   <li>the newest revision;</li>
 *   <li>the owner's first revision, then the last and first revision of each of the owner's latest
 *       {@link HistoryPolicy#visits()} visits, newest visit first;</li>
 *   <li>the same for each of the first {@link HistoryPolicy#authors()} other people to edit the sheet,
 *       in the order they came;</li>
 *   <li>the newest {@link HistoryPolicy#keepLast()} revisions, newest first;</li>
 *   <li>with {@link HistoryPolicy#keepDaily()}, the newest revision of each day (UTC), newest day first.</li>
 * </ol>
 * Every other revision goes. Then the ranking is walked within {@link HistoryPolicy#maxChars()}: the
 * first revision that no longer fits and every one ranked below it go too (the history is then
 * {@link Result#full() full}); the newest always stays. So however many revisions another visitor
 * makes, they cannot push out the two ends of the owner's visits, and a visitor with many sessions or
 * many cookies keeps at most {@link HistoryPolicy#mostVisitRevisions()} revisions by these rules.
 *
 * <p>A revision without an author (made by the server, or saved before revisions recorded one) counts
 * only for the newest-N and daily rules. A visit is one browser session of one person; revisions of a
 * person without a recorded visit count as one visit.
 */
public final class HistoryThinning {
    private HistoryThinning() {
    }

    /**
     * One kept revision as thinning sees it.
     *
     * @param number  its number
     * @param savedAt when it was saved (milliseconds since 1970, UTC)
     * @param author  who made it ({@link Actor#key()}), or null
     * @param visit   the visit (browser session) it was made in, or null
     * @param chars   its text's length in characters
     */
    public record Row(long number, long savedAt, String author, String visit, long chars) {
    }

    /**
     * What thinning decided.
     *
     * @param dropped the revisions to delete, ascending
     * @param full    whether the size budget dropped revisions the other rules would keep
     */
    public record Result(List<Long> dropped, boolean full) {
    }

    /** Which of {@code rows} (one sheet's revisions, any order) {@code policy} keeps, the sheet being {@code owner}'s (null: nobody's). */
    public static Result thin(List<Row> rows, String owner, HistoryPolicy policy) {
        if (rows.isEmpty()) {
            return new Result(List.of(), false);
        }
        List<Row> ascending = new ArrayList<>(rows);
        ascending.sort(Comparator.comparingLong(Row::number));
        Map<Long, Row> byNumber = new LinkedHashMap<>();
        ascending.forEach(r -> byNumber.put(r.number(), r));

        Set<Long> ranked = new LinkedHashSet<>();
        ranked.add(ascending.get(ascending.size() - 1).number());
        for (List<Row> person : people(ascending, owner, policy.authors())) {
            rankPerson(person, policy.visits(), ranked);
        }
        for (int i = ascending.size() - 1, n = 0; i >= 0 && n < policy.keepLast(); i--, n++) {
            ranked.add(ascending.get(i).number());
        }
        if (policy.keepDaily()) {
            Set<LocalDate> days = new HashSet<>();
            for (int i = ascending.size() - 1; i >= 0; i--) {
                if (days.add(day(ascending.get(i).savedAt()))) {
                    ranked.add(ascending.get(i).number());
                }
            }
        }

        Set<Long> kept = new HashSet<>();
        long total = 0;
        boolean full = false;
        for (long number : ranked) {
            long chars = byNumber.get(number).chars();
            if (!kept.isEmpty() && total + chars > policy.maxChars()) {
                full = true;
                break;
            }
            kept.add(number);
            total += chars;
        }
        List<Long> dropped = ascending.stream().map(Row::number).filter(n -> !kept.contains(n)).toList();
        return new Result(dropped, full);
    }

    /** Each kept person's revisions, ascending: the owner's first, then the first {@code others} other authors as they came. */
    private static List<List<Row>> people(List<Row> ascending, String owner, int others) {
        Map<String, List<Row>> byAuthor = new LinkedHashMap<>();
        for (Row r : ascending) {
            if (r.author() != null) {
                byAuthor.computeIfAbsent(r.author(), k -> new ArrayList<>()).add(r);
            }
        }
        List<List<Row>> people = new ArrayList<>();
        if (owner != null && byAuthor.containsKey(owner)) {
            people.add(byAuthor.get(owner));
        }
        byAuthor.entrySet().stream().filter(e -> !e.getKey().equals(owner)).limit(others)
                .forEach(e -> people.add(e.getValue()));
        return people;
    }

    /** A person's first revision, then the last and first of each of their latest {@code visits} visits. */
    private static void rankPerson(List<Row> revisions, int visits, Set<Long> ranked) {
        ranked.add(revisions.get(0).number());
        Map<String, long[]> ends = new LinkedHashMap<>(); // visit -> {first, last}
        for (Row r : revisions) {
            long[] e = ends.computeIfAbsent(r.visit(), k -> new long[] {r.number(), r.number()});
            e[1] = r.number();
        }
        ends.values().stream().sorted(Comparator.comparingLong((long[] e) -> e[1]).reversed()).limit(visits)
                .forEach(e -> {
                    ranked.add(e[1]);
                    ranked.add(e[0]);
                });
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
