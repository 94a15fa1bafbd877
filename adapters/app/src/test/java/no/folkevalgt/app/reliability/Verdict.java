package no.folkevalgt.app.reliability;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import no.folkevalgt.core.programme.PlannedPost;

/**
 * Planned posts against what arrived in the fake Slack and what the delivery log says: posted once,
 * twice, or not at all, and how late.
 */
final class Verdict {

    final List<PlannedPost> planned;
    final Map<String, Integer> postedCount = new TreeMap<>();
    final Map<String, Instant> firstPosted = new LinkedHashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final List<String> missed = new ArrayList<>();
    final List<String> unexpected = new ArrayList<>();
    /* post id -> rows in delivery_log */
    final Map<String, List<Map<String, Object>>> log = new TreeMap<>();
    final List<String> logProblems = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    int late;

    Verdict(List<PlannedPost> planned, List<FakeSlack.Post> posted, Pg pg, String database) throws SQLException {
        this.planned = planned;
        Map<String, PlannedPost> byKey = new LinkedHashMap<>();
        planned.forEach(p -> byKey.put(TestProgramme.key(p), p));
        for (FakeSlack.Post post : posted) {
            String key = TestProgramme.key(post.channel(), post.text());
            postedCount.merge(key, 1, Integer::sum);
            firstPosted.putIfAbsent(key, post.at());
            if (!byKey.containsKey(key)) {
                unexpected.add(key + ": " + post.text());
            }
        }
        postedCount.forEach((key, n) -> {
            if (n > 1) {
                duplicates.add(key + " ×" + n);
            }
        });
        for (PlannedPost p : planned) {
            String key = TestProgramme.key(p);
            Instant at = firstPosted.get(key);
            if (at == null) {
                missed.add(key);
            } else {
                delays.add(Duration.between(p.at(), at));
            }
        }
        for (Map<String, Object> row : pg.query(database,
                "select post_id, attempt, status, instance, attempted_at, detail from delivery_log order by id")) {
            log.computeIfAbsent((String) row.get("post_id"), k -> new ArrayList<>()).add(row);
        }
        for (PlannedPost p : planned) {
            List<Map<String, Object>> rows = log.getOrDefault(p.id(), List.of());
            long delivered = rows.stream().filter(r -> r.get("status").equals("SENT") || r.get("status").equals("LATE")).count();
            late += (int) rows.stream().filter(r -> r.get("status").equals("LATE")).count();
            if (delivered != 1) {
                logProblems.add(p.id() + ": " + delivered + " SENT/LATE rows " + rows);
            }
        }
    }

    static Instant instant(Object timestamp) {
        if (timestamp instanceof Timestamp t) {
            return t.toInstant();
        }
        if (timestamp instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return Instant.parse(timestamp.toString());
    }

    /** Rows of the delivery log for the planned posts, with their status: {SENT=.., LATE=.., RETRYING=..}. */
    Map<String, Long> statusCounts() {
        return planned.stream().flatMap(p -> log.getOrDefault(p.id(), List.of()).stream())
                .collect(Collectors.groupingBy(r -> (String) r.get("status"), TreeMap::new, Collectors.counting()));
    }

    Map<String, Long> sentBy() {
        return planned.stream().flatMap(p -> log.getOrDefault(p.id(), List.of()).stream())
                .filter(r -> r.get("status").equals("SENT") || r.get("status").equals("LATE"))
                .collect(Collectors.groupingBy(r -> (String) r.get("instance"), TreeMap::new, Collectors.counting()));
    }

    int postedOnce() {
        return (int) planned.stream().filter(p -> postedCount.getOrDefault(TestProgramme.key(p), 0) == 1).count();
    }

    Duration maxDelay() {
        return delays.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    Duration medianDelay() {
        List<Duration> sorted = delays.stream().sorted().toList();
        return sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
    }

    boolean ok() {
        return duplicates.isEmpty() && missed.isEmpty() && unexpected.isEmpty() && logProblems.isEmpty();
    }

    String summary(String name) {
        return String.format("%s: planned %d, posted once %d, duplicates %d %s, missed %d %s, unexpected %d %s, "
                        + "delivery log %s, sent by %s, delay after planned time median %.1f s, max %.1f s%s",
                name, planned.size(), postedOnce(), duplicates.size(), duplicates, missed.size(), missed,
                unexpected.size(), unexpected, statusCounts(), sentBy(), medianDelay().toMillis() / 1000.0,
                maxDelay().toMillis() / 1000.0, logProblems.isEmpty() ? "" : ", delivery log problems " + logProblems);
    }
}
