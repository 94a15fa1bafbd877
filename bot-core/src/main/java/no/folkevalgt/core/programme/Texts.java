package no.folkevalgt.core.programme;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** Norwegian (Bokmål) wording of times, dates and durations, without depending on the JDK's locale data. */
final class Texts {

    private static final String[] WEEKDAYS = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember"};
    private static final String[] NUMBER_WORDS = {"null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte",
            "ni", "ti"};

    private Texts() {
    }

    /** "09.00", the way Norwegian agendas write times. */
    static String time(ZonedDateTime t) {
        return String.format(Locale.ROOT, "%02d.%02d", t.getHour(), t.getMinute());
    }

    /** "09.00–09.20". */
    static String span(ZonedDateTime start, ZonedDateTime end) {
        return time(start) + "–" + time(end);
    }

    /** "tirsdag 5. november 2019". */
    static String date(LocalDate date) {
        return dateWithoutYear(date) + " " + date.getYear();
    }

    /** "tirsdag 5. november". */
    static String dateWithoutYear(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1] + " " + date.getDayOfMonth() + ". "
                + MONTHS[date.getMonthValue() - 1];
    }

    /** "fem" for 5, digits above ten; for "inntil fem ord". */
    static String number(int n) {
        return n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : Integer.toString(n);
    }

    /**
     * "10 minutter", "1 minutt", "1 time og 30 minutter", "under ett minutt"; rounded to the nearest
     * minute, never down to zero for a positive duration.
     */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds == 0) {
            return "0 minutter";
        }
        long minutes = (seconds + 30) / 60;
        if (minutes == 0) {
            return "under ett minutt";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        String m = rest + (rest == 1 ? " minutt" : " minutter");
        if (hours == 0) {
            return m;
        }
        String h = hours + (hours == 1 ? " time" : " timer");
        return rest == 0 ? h : h + " og " + m;
    }

    /** "a, b og c". */
    static String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " og " + items.get(items.size() - 1);
    }

    /** "a, b eller c". */
    static String or(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " eller " + items.get(items.size() - 1);
    }

    /** The first letter upper-cased, for sentences that start with a generated phrase. */
    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
