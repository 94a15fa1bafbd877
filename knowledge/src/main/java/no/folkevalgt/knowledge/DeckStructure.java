package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.SlideLines;

/**
 * Finds the programme day and part of every slide in a KS-style deck.
 *
 * <p>An agenda slide has a title starting with "Program" and lines starting with "Dag N"; the lines
 * below a "Dag N" line (bullets and a leading time such as "11.30 " removed) are the sessions of day N.
 * Read in order, an agenda slide sets the current day (a run of agenda slides in a row, such as an
 * overview of both days at the start, sets it to the first day of the run) and clears the part. A
 * slide whose title is one of the sessions and that has little or no text is a section divider: it
 * sets the part to that session and the day to the session's day. Every slide gets the current day
 * and part; slides before any of this get day 0 and part "".
 *
 * <p>A slide whose title says little on its own ({@link #saysLittle}: "Case", "Pause", a diagram's
 * ALL-CAPS label) also gets a section for its citation: its part, or failing that the nearest earlier
 * title that says something.
 */
final class DeckStructure {

    /** A slide with its final title and text, before day and part are known. */
    record Slide(int number, String title, String text) {
    }

    /* A divider may carry a photo credit or a speaker's name, not real content. */
    private static final int DIVIDER_MAX_TEXT = 80;
    private static final int DIVIDER_MAX_LINES = 2;

    private static final Pattern DAY_LINE = Pattern.compile("^(?:dag|day)\\s+(\\d{1,2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^(?:kl\\.?\\s*)?\\d{1,2}[.:]\\d{2}(?:\\s*[-–—]\\s*\\d{1,2}[.:]\\d{2})?\\s*[:\\-–—]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /* A title of one word this short ("Case", "Lede", "Pause") names no subject. */
    private static final int SHORT_WORD = 6;
    /* A title of this many words or fewer may be a label; longer ones say something. */
    private static final int LABEL_WORDS = 2;

    private DeckStructure() {
    }

    /** The passages of one file, with day and part. */
    static List<Passage> passages(String source, List<Slide> slides) {
        Map<String, Session> sessions = new LinkedHashMap<>();
        List<Optional<Agenda>> agendas = new ArrayList<>();
        for (Slide slide : slides) {
            Optional<Agenda> agenda = agenda(slide);
            agendas.add(agenda);
            agenda.ifPresent(a -> a.sessions().forEach((key, s) -> sessions.merge(key, s, Session::plus)));
        }

        Map<String, Integer> titleCounts = new LinkedHashMap<>();
        slides.forEach(s -> titleCounts.merge(key(s.title()), 1, Integer::sum));

        List<Passage> out = new ArrayList<>();
        int day = 0;
        String part = "";
        String lastTelling = "";
        boolean previousWasAgenda = false;
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            Optional<Agenda> agenda = agendas.get(i);
            int slideDay;
            if (agenda.isPresent()) {
                if (!previousWasAgenda) {
                    day = agenda.get().firstDay();
                    part = "";
                }
                slideDay = agenda.get().firstDay();
            } else {
                Session session = sessions.get(key(slide.title()));
                if (session != null && isDivider(slide)) {
                    day = session.dayNear(day);
                    part = session.title();
                }
                slideDay = day;
            }
            previousWasAgenda = agenda.isPresent();
            boolean little = saysLittle(slide.title(), titleCounts.get(key(slide.title())) > 1);
            String section = "";
            if (little) {
                String context = part.isBlank() ? lastTelling : part;
                section = key(context).equals(key(slide.title())) ? "" : context;
            } else {
                lastTelling = slide.title();
            }
            out.add(new Passage(source, slide.number(), slide.title(), slide.text(), part, slideDay, section));
        }
        return out;
    }

    /**
     * Whether a title says little on its own, so that a citation needs the slide's section: a title
     * of at most {@value #LABEL_WORDS} words that is ALL CAPS (a diagram's label, "INFORMERE"), one
     * short word ("Case", "Lede", "Pause"), or repeated on other slides of the file ("Refleksjonsoppgave").
     */
    static boolean saysLittle(String title, boolean repeated) {
        String[] words = key(title).split(" ");
        if (words.length > LABEL_WORDS || words[0].isEmpty()) {
            return false;
        }
        return SlideText.isAllCaps(title) || repeated
                || words.length == 1 && words[0].codePointCount(0, words[0].length()) <= SHORT_WORD;
    }

    /** Lowercase, with every run of punctuation and whitespace turned into one space. */
    static String key(String title) {
        return SlideLines.key(title);
    }

    private static boolean isDivider(Slide slide) {
        return isDividerText(slide.text());
    }

    private static boolean isDividerText(String raw) {
        String text = raw.strip();
        return text.length() <= DIVIDER_MAX_TEXT && (text.isEmpty() || text.split("\n").length <= DIVIDER_MAX_LINES);
    }

    /**
     * Whether a slide has content to answer from: its text without photo credits says more than a
     * section divider's does (a subtitle or a speaker's name).
     */
    static boolean hasContent(Passage passage) {
        String text = String.join("\n", passage.text().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !SlideText.isPhotoCredit(l)).toList());
        return !isDividerText(text);
    }

    private static Optional<Agenda> agenda(Slide slide) {
        if (!slide.title().toLowerCase(Locale.ROOT).startsWith("program")) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add(slide.title());
        if (!slide.text().isEmpty()) {
            lines.addAll(List.of(slide.text().split("\n")));
        }
        int firstDay = 0;
        int day = 0;
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String line : lines) {
            String clean = SlideText.cleanTitle(line);
            Matcher m = DAY_LINE.matcher(clean);
            if (m.find()) {
                day = Integer.parseInt(m.group(1));
                if (firstDay == 0) {
                    firstDay = day;
                }
                continue;
            }
            if (day == 0) {
                continue;
            }
            String title = LEADING_TIME.matcher(clean).replaceFirst("").strip();
            String key = key(title);
            if (!key.isEmpty() && key.codePoints().anyMatch(Character::isLetter)) {
                sessions.merge(key, new Session(title, List.of(day)), Session::plus);
            }
        }
        return firstDay == 0 || day == 0 ? Optional.empty() : Optional.of(new Agenda(firstDay, sessions));
    }

    private record Agenda(int firstDay, Map<String, Session> sessions) {
    }

    /** A session title as written in the agenda, and the days whose agenda lists it. */
    private record Session(String title, List<Integer> days) {

        Session plus(Session other) {
            List<Integer> all = new ArrayList<>(days);
            other.days().stream().filter(d -> !all.contains(d)).forEach(all::add);
            all.sort(Integer::compare);
            return new Session(title, all);
        }

        /** The current day when the session is on it, else the first later day, else the first day. */
        int dayNear(int current) {
            if (days.contains(current)) {
                return current;
            }
            return days.stream().filter(d -> d > current).findFirst().orElse(days.get(0));
        }
    }
}
