package no.folkevalgt.app.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.ProgrammeLoader;

/**
 * A small programme.yaml for today whose posts fall in the next few minutes: sessions a minute
 * apart with a reminder one minute before each, and prompts that open and close between them.
 * Prompt 1 ("Hele dagen") is open all day, so that reflection answers can be given at any time
 * ({@code /refleksjon 1 ...}). Titles carry a unique token, so that a message in Slack can be told
 * apart from every other.
 */
final class TestProgramme {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH.mm");
    private static final Pattern TITLE = Pattern.compile("(Oppgave [A-Z]+)");
    private static final Pattern SESSION = Pattern.compile("(Økt [A-Z]+\\d+)");

    record Item(Instant start, Instant end, String title) {
    }

    private final List<Item> sessions = new ArrayList<>();
    private final List<Item> prompts = new ArrayList<>();
    private final List<String> channels;

    TestProgramme(List<String> channels) {
        this.channels = channels;
    }

    /** A session "Økt TOKEN" starting at {@code start} (its reminder a minute before). */
    TestProgramme session(Instant start, Instant end, String token) {
        sessions.add(new Item(start, end, "Økt " + token));
        return this;
    }

    /** A prompt (number 2, 3, ...: 1 is the all-day one) that opens and closes at these times. */
    TestProgramme prompt(Instant opens, Instant closes, String title) {
        prompts.add(new Item(opens, closes, title));
        return this;
    }

    Path write(Path file) throws IOException {
        ZonedDateTime first = sessions.get(0).start().atZone(OSLO);
        StringBuilder y = new StringBuilder();
        y.append("title: Pålitelighetstest\nplace: Loopback\ntime_zone: Europe/Oslo\nreminder_lead_minutes: 1\nchannels:\n");
        channels.forEach(c -> y.append("  - ").append(c).append('\n'));
        y.append("days:\n  - day: 1\n    date: ").append(first.toLocalDate()).append("\n    sessions:\n");
        y.append("      - start: 00.01\n        end: 00.05\n        title: Åpning\n        kind: session\n");
        for (Item s : sessions) {
            y.append("      - start: ").append(HM.format(s.start().atZone(OSLO))).append('\n');
            if (s.end() != null) {
                y.append("        end: ").append(HM.format(s.end().atZone(OSLO))).append('\n');
            }
            y.append("        title: ").append(s.title()).append("\n        kind: session\n");
        }
        y.append("prompts:\n  - title: Hele dagen\n    text: Hva tar du med deg?\n    day: 1\n    opens: 00.02\n"
                + "    closes: 23.59\n    anonymous: true\n");
        for (Item p : prompts) {
            y.append("  - title: ").append(p.title()).append("\n    day: 1\n    opens: ")
                    .append(HM.format(p.start().atZone(OSLO))).append("\n    closes: ")
                    .append(HM.format(p.end().atZone(OSLO))).append("\n    anonymous: true\n");
        }
        Files.writeString(file, y.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The posts the bot plans from the file, as the bot itself plans them. */
    static List<PlannedPost> plan(Path file) {
        return PostPlanner.plan(ProgrammeLoader.load(file));
    }

    /** What a planned post is about, the same for its text in Slack: "reminder Økt A1", "prompt Oppgave K", "summary Oppgave K". */
    static String key(PlannedPost post) {
        return switch (post.kind()) {
            case REMINDER -> "reminder " + match(SESSION, post.text());
            case PROMPT -> "prompt " + match(TITLE, post.text());
            case SUMMARY -> "summary " + match(TITLE, post.text());
        } + " @" + post.channel().id();
    }

    /**
     * The same key for a message as it arrived in Slack. A summary starts "Oppsummering: «title»"
     * (perhaps after "(forsinket) "); a prompt's own text also says when its summary comes, so only
     * the start counts.
     */
    static String key(String channel, String text) {
        String start = text.strip().replaceFirst("^\\(forsinket\\) ", "");
        String kind;
        if (start.startsWith("Oppsummering")) {
            kind = "summary " + match(TITLE, text);
        } else if (start.startsWith("Refleksjonsoppgave")) {
            kind = "prompt " + match(TITLE, text);
        } else {
            kind = "reminder " + match(SESSION, text);
        }
        return kind + " @" + channel;
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
