package no.folkevalgt.core.teaching;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;

/**
 * Lessons in the question bank's file format ({@code deck.sporsmal.txt}, see docs/search.md), so that
 * an organiser can keep them for the next programme: put the file beside the slides, or read it in
 * again with {@code ./bot teach --import}. Links are ordinary bank entries; "ikke i materialet" is a
 * section of its own that the index skips:
 *
 * <pre>
 * # lysbildefil: deck.txt
 * [49] Arbeidsgiver
 * Hvem bestemmer lønna til rådmannen?
 *
 * [ikke i materialet] Spør kommunens politiske sekretariat.
 * Når er neste kommunestyremøte?
 * </pre>
 *
 * A {@code # lysbildefil:} comment names the slide file the numbers under it belong to; without one,
 * the material must have only one file.
 */
public final class LessonBank {

    /** The header of a section of questions the material does not answer; the text after it is the reply. */
    public static final String NOT_IN_MATERIAL = "ikke i materialet";

    private static final Pattern SLIDE = Pattern.compile("\\[\\s*(\\d{1,5})\\s*]\\s*(.*)");
    private static final Pattern REPLY = Pattern.compile("\\[\\s*ikke i materialet\\s*]\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE = Pattern.compile("#\\s*lysbildefil\\s*:\\s*(.+)", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LessonBank() {
    }

    /** The lessons as a file: links grouped by file and slide in the material's order, then the replies. */
    static String write(List<Lesson> lessons, List<Passage> passages, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("# Spørsmål fasilitatorene har lært Folkevalgt-bot, eksportert ").append(DATE.format(now)).append('\n');
        out.append("# Legg filen ved siden av lysbildefilen som <navn>.sporsmal.txt, eller les den inn igjen med\n");
        out.append("# ./bot teach --import FIL (eller på fasilitatorsiden). Format: se docs/search.md.\n");
        Map<String, Passage> byId = new LinkedHashMap<>();
        passages.forEach(p -> byId.put(p.id(), p));
        Map<String, Map<Integer, List<Lesson>>> links = new LinkedHashMap<>();
        for (Lesson lesson : lessons.stream().filter(Lesson::isLink)
                .sorted(java.util.Comparator.comparing(Lesson::source).thenComparingInt(Lesson::slide)).toList()) {
            links.computeIfAbsent(lesson.source(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(lesson.slide(), n -> new ArrayList<>()).add(lesson);
        }
        links.forEach((source, slides) -> {
            out.append("\n# lysbildefil: ").append(source).append('\n');
            slides.forEach((slide, taught) -> {
                Passage p = byId.get(source + "#" + slide);
                out.append('[').append(slide).append(']');
                if (p != null) {
                    out.append(' ').append(oneLine(p.title()));
                }
                out.append('\n');
                taught.forEach(l -> out.append(oneLine(l.question())).append('\n'));
            });
        });
        Map<String, List<Lesson>> replies = new LinkedHashMap<>();
        lessons.stream().filter(l -> !l.isLink()).forEach(l -> replies.computeIfAbsent(l.reply(), r -> new ArrayList<>()).add(l));
        replies.forEach((reply, taught) -> {
            out.append("\n[").append(NOT_IN_MATERIAL).append(']');
            if (!reply.isEmpty()) {
                out.append(' ').append(oneLine(reply));
            }
            out.append('\n');
            taught.forEach(l -> out.append(oneLine(l.question())).append('\n'));
        });
        return out.toString();
    }

    /**
     * Reads a file written by {@link #write} (or by hand in the same format).
     *
     * @throws LessonRefused listing every mistake by line; nothing is read then
     */
    static List<Lesson> read(String text, List<Passage> passages, Instant now) {
        List<String> problems = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        List<String> sources = passages.stream().map(Passage::source).distinct().toList();
        String source = sources.size() == 1 ? sources.get(0) : null;
        String target = null;
        String reply = null;
        int number = 0;
        for (String raw : text.split("\\R", -1)) {
            number++;
            String line = Questions.clean(raw);
            String where = "linje " + number + ": ";
            Matcher file = FILE.matcher(line);
            if (file.matches()) {
                source = file.group(1).strip();
                if (!sources.contains(source)) {
                    problems.add(where + "materialet har ingen lysbildefil som heter " + source);
                }
                target = null;
                reply = null;
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher replyHeader = REPLY.matcher(line);
            if (replyHeader.matches()) {
                reply = replyHeader.group(1).strip();
                target = null;
                if (reply.length() > Lesson.MAX_REPLY) {
                    problems.add(where + "svaret er lengre enn " + Lesson.MAX_REPLY + " tegn");
                }
                continue;
            }
            Matcher slideHeader = SLIDE.matcher(line);
            if (slideHeader.matches()) {
                reply = null;
                int slide = Integer.parseInt(slideHeader.group(1));
                String id = source + "#" + slide;
                Passage passage = passages.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
                if (source == null) {
                    problems.add(where + "materialet har flere lysbildefiler; skriv «# lysbildefil: NAVN» over lysbildenumrene");
                    target = null;
                } else if (passage == null || !passage.canAnswer()) {
                    problems.add(where + "lysbilde " + slide + " i " + source
                            + (passage == null ? " finnes ikke" : " er bare en overskrift og kan ikke være et svar"));
                    target = null;
                } else {
                    target = id;
                }
                continue;
            }
            if (target == null && reply == null) {
                problems.add(where + "spørsmål før første [lysbildenummer] eller [" + NOT_IN_MATERIAL + "]");
                continue;
            }
            if (line.length() > Lesson.MAX_QUESTION || !Questions.hasWords(line)) {
                problems.add(where + (line.length() > Lesson.MAX_QUESTION
                        ? "spørsmålet er lengre enn " + Lesson.MAX_QUESTION + " tegn" : "linjen har ingen ord"));
                continue;
            }
            lessons.add(target != null ? Lesson.link(line, target, now) : Lesson.notInMaterial(line, reply, now));
        }
        if (!problems.isEmpty()) {
            throw new LessonRefused("Filen ble ikke lest inn (" + problems.size() + " feil"
                    + "):\n" + String.join("\n", problems.stream().limit(20).toList())
                    + (problems.size() > 20 ? "\n… og " + (problems.size() - 20) + " til" : ""));
        }
        if (lessons.isEmpty()) {
            throw new LessonRefused("Filen har ingen spørsmål å lese inn.");
        }
        return lessons;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
