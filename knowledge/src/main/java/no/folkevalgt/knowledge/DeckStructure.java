package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

        List<Passage> out = new ArrayList<>();
        int day = 0;
        String part = "";
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
            out.add(new Passage(source, slide.number(), slide.title(), slide.text(), part, slideDay));
        }
        return out;
    }

    /** Lowercase, with every run of punctuation and whitespace turned into one space. */
    static String key(String title) {
        return NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isDivider(Slide slide) {
        String text = slide.text().strip();
        return text.length() <= DIVIDER_MAX_TEXT && (text.isEmpty() || text.split("\n").length <= DIVIDER_MAX_LINES);
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
