package no.folkevalgt.core.programme;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the programme commands and the questions about the programme's times, in Bokmål and
 * Nynorsk: "program i morgen", "neste", "når er lunsj?", "kva skjer no?", "når slutter dagen?".
 *
 * <p>The rule that keeps questions about the material away from here: a question is only taken when
 * every word in it is known, either as a time word (når, kva tid, hvor lenge, nå, neste, etterpå),
 * a programme word (lunsj, middag, pause, starter, slutter, dagen, programmet, a day such as
 * "i morgen" or "dag 2"), filler (er, det, vi, skal ...), or a word of a session's title. One unknown
 * word ("Når må årsbudsjettet vedtas?", "Hva er en lunsjavtale?", "Hva skjer fremover?",
 * "Hva skjer i pausene?") and the question goes to the knowledge base. A session title asked on its
 * own ("Når pressen banker på døren") is a title, not a when-question.
 */
final class ProgrammeQuestions {

    /** What was asked. */
    enum Type {
        /** Where (and so when) lunch, dinner or a break is ("hvor er lunsjen?"). */
        WHERE_KIND,
        /** The agenda of a day. */
        AGENDA,
        /** "/program" with an argument we do not understand. */
        USAGE,
        /** What is on now. */
        NOW,
        /** What comes next. */
        NEXT,
        /** What comes after a slot ("hva skjer etter lunsj?"). */
        AFTER,
        /** What is on at a clock time ("hva skjer kl. 13?"). */
        AT_TIME,
        /** When lunch, dinner or a break is. */
        WHEN_KIND,
        /** When the next meal is ("når skal vi spise?"). */
        WHEN_MEAL,
        /** When a reflection prompt is ("når er neste refleksjonsoppgave?"). */
        WHEN_PROMPT,
        /** When a named session is ("når er kommunetorget?"). */
        WHEN_TITLE,
        /** When the day (or programme) starts. */
        DAY_START,
        /** When the day ends. */
        DAY_END
    }

    /** Which day a question is about. */
    record DaySpec(Kind kind, int value) {
        enum Kind { NONE, TODAY, TOMORROW, YESTERDAY, DAY, WEEKDAY }

        static final DaySpec NONE = new DaySpec(Kind.NONE, 0);

        boolean given() {
            return kind != Kind.NONE;
        }
    }

    /**
     * A recognised question.
     *
     * @param type   what was asked
     * @param day    which day, or {@link DaySpec#NONE}
     * @param kind   for {@link Type#WHEN_KIND} and {@link Type#AFTER}: lunch, dinner or break; else null
     * @param plural "pausene": all breaks of the day rather than the next one
     * @param next   "neste pause": the next one from now
     * @param titles for {@link Type#WHEN_TITLE} and {@link Type#AFTER}: the sessions named
     * @param time   for {@link Type#AT_TIME}: the clock time asked about
     */
    record Query(Type type, DaySpec day, SessionKind kind, boolean plural, boolean next, List<Session> titles,
                 LocalTime time) {

        static Query of(Type type, DaySpec day) {
            return new Query(type, day, null, false, false, List.of(), null);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\d{1,2}[.:]\\d{2}|[\\p{L}\\p{N}]+");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:[.:](\\d{2}))?");

    private static final Set<String> AGENDA_WORDS = Set.of("program", "programmet", "agenda", "agendaen", "dagsorden");
    private static final Set<String> AGENDA_REST = Set.of("for", "dagen", "vis", "i", "hele", "heile");
    private static final Set<String> NEXT_COMMAND_REST = Set.of("økt", "økta", "økten", "post", "posten", "punkt",
            "punktet", "programpost", "sesjon", "på", "programmet", "er", "hva", "kva");

    private static final Set<String> NOW = Set.of("nå", "no", "nu");
    private static final Set<String> NEXT = Set.of("neste", "etterpå", "etterpaa", "deretter", "seinare", "senere");
    private static final Set<String> HVA = Set.of("hva", "kva", "ka", "hvad", "hvilken", "hvilket", "hvilke");
    /* What "etter" may point at when it means what is on now: "hva skjer etter dette / denne økta?" */
    private static final Set<String> THIS = Set.of("dette", "denne", "det", "her", "no", "nå", "økta", "økten", "økt",
            "sesjonen", "foredraget", "innlegget", "bolken", "posten", "punktet", "programposten");
    private static final Set<String> HVA_ALLOWED = Set.of("skjer", "foregår", "er", "står", "stend", "på", "programmet",
            "program", "det", "som", "har", "vi", "me", "egentlig", "eigentleg", "da", "då", "skal", "gjør", "gjer",
            "gjøre", "gjere", "akkurat", "kommer", "kjem", "så", "agenda", "agendaen", "planen", "neste", "nå", "no",
            "kl", "klokka", "klokken", "dagen", "i", "hei", "hallo", "økt", "økta", "punkt", "post", "sesjon",
            "etterpå", "etterpaa", "deretter", "seinare", "senere", "en", "ei", "ein", "for", "første", "fyrste");

    /**
     * The base forms that name the programme's item kinds, Bokmål and Nynorsk; their inflected forms
     * ("lunsjen", "pausa", "pausane", "kaffien") are found by {@link #kindOf}. A coffee is a break.
     */
    private static final Map<String, SessionKind> KIND_BASES = Map.ofEntries(
            Map.entry("lunsj", SessionKind.LUNCH), Map.entry("lunch", SessionKind.LUNCH),
            Map.entry("lønsj", SessionKind.LUNCH), Map.entry("lunsjpause", SessionKind.LUNCH),
            Map.entry("lunchpause", SessionKind.LUNCH), Map.entry("matpause", SessionKind.LUNCH),
            Map.entry("middag", SessionKind.DINNER), Map.entry("kveldsmat", SessionKind.DINNER),
            Map.entry("kveldsmiddag", SessionKind.DINNER), Map.entry("festmiddag", SessionKind.DINNER),
            Map.entry("pause", SessionKind.BREAK), Map.entry("kaffepause", SessionKind.BREAK),
            Map.entry("kaffipause", SessionKind.BREAK), Map.entry("kaffe", SessionKind.BREAK),
            Map.entry("kaffi", SessionKind.BREAK), Map.entry("kaffekopp", SessionKind.BREAK),
            Map.entry("beinstrekk", SessionKind.BREAK), Map.entry("strekk", SessionKind.BREAK));
    /* Noun endings: singular definite (Bokmål -en/-n/-et/-t, Nynorsk -a), plural (-er/-ar/-r, -ene/-ane/-ne). */
    private static final List<String> SINGULAR_ENDINGS = List.of("en", "n", "a", "et", "t");
    private static final List<String> PLURAL_ENDINGS = List.of("ene", "ane", "ne", "er", "ar", "r");

    /** The item kind a word names ("pausen", "kaffien", "lunsjen", "middagane"), or null. */
    static SessionKind kindOf(String word) {
        SessionKind kind = KIND_BASES.get(word);
        if (kind != null) {
            return kind;
        }
        for (List<String> endings : List.of(SINGULAR_ENDINGS, PLURAL_ENDINGS)) {
            for (String ending : endings) {
                if (word.endsWith(ending)) {
                    String base = word.substring(0, word.length() - ending.length());
                    SessionKind k = KIND_BASES.getOrDefault(base, KIND_BASES.get(base + "e"));
                    if (k != null) {
                        return k;
                    }
                }
            }
        }
        return null;
    }

    /** Whether a kind word is plural ("pausene", "pausar"): every break rather than the next. */
    static boolean isPlural(String word) {
        if (KIND_BASES.containsKey(word)) {
            return false;
        }
        for (String ending : PLURAL_ENDINGS) {
            if (word.endsWith(ending) && kindOf(word) != null) {
                String base = word.substring(0, word.length() - ending.length());
                if (KIND_BASES.containsKey(base) || KIND_BASES.containsKey(base + "e")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> PROMPT_WORDS = Set.of("refleksjon", "refleksjonen", "refleksjonsoppgave",
            "refleksjonsoppgaven", "refleksjonsoppgaver", "refleksjonsoppgavene", "refleksjonsoppgåve",
            "refleksjonsoppgåva", "refleksjonsoppgåver", "oppgave", "oppgaven", "oppgaver", "oppgavene", "oppgåve",
            "oppgåva", "oppgåver", "menti", "mentimeter");
    private static final Set<String> MEAL = Set.of("spise", "spiser", "ete", "et", "mat", "maten");
    private static final Set<String> START = Set.of("starter", "start", "starte", "startar", "begynner", "begynne",
            "byrjar", "byrjer", "byrje", "oppstart", "oppstarten", "starten", "åpner", "opnar", "begynnelsen",
            "oppmøte", "oppmøtet", "møtes", "møtast", "møter", "møte", "startes", "begynnes");
    private static final Set<String> END = Set.of("slutter", "slutt", "slutte", "sluttar", "slutta", "slutten",
            "ferdig", "ferdige", "avslutter", "avsluttes", "avslutning", "avslutningen", "avslutninga", "hjem", "heim",
            "over", "ferdigstilt", "fri");
    private static final Set<String> SUBJECT = Set.of("dagen", "programmet", "program", "kurset", "samlingen",
            "samlinga", "samling", "opplæringen", "opplæringa", "folkevalgtprogrammet", "faglig", "faglige",
            "fagleg", "faglege", "fagprogrammet", "programdagen", "kursdagen", "dag");
    private static final Set<String> FILLER = Set.of("er", "e", "det", "den", "de", "vi", "me", "man", "jeg", "eg",
            "du", "dere", "dykk", "skal", "skjer", "blir", "vert", "går", "har", "ha", "om", "på", "i", "til",
            "fra", "frå", "med", "for", "egentlig", "eigentleg", "da", "då", "igjen", "att", "vel", "vet", "veit",
            "kan", "fortelle", "fortell", "si", "meg", "hei", "hallo", "heisann", "ok", "okei", "og", "eller",
            "lurer", "lurte", "tidlig", "tidleg", "kl", "klokka", "klokken", "varer", "vara", "varar", "holder",
            "held", "kommer", "kjem", "økt", "økta", "økten", "sesjon", "sesjonen", "bolk", "bolken", "foredrag",
            "foredraget", "innlegg", "innlegget", "tema", "temaet", "punkt", "punktet", "post", "posten",
            "programpost", "programposten", "som", "at", "ca", "cirka", "omtrent", "så", "akkurat", "begynt",
            "startet", "starta", "byrja", "sluttet", "får", "få", "tid", "gang", "gong", "første", "fyrste",
            "opp", "igang", "nokon", "noen", "litt", "dei", "oss", "gå", "dra", "reise", "reiser", "snakker", "snakke", "snakkar", "handler", "handlar", "tar", "ta", "please", "takk", "mon", "tro", "egentleg");
    private static final Set<String> WHEN_SECOND = Set.of("tid", "tidspunkt", "klokkeslett");
    private static final Set<String> WHEN_FIRST = Set.of("hva", "kva", "kor", "hvilken", "hvilket", "når", "ka");

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("en", 1), Map.entry("én", 1),
            Map.entry("ein", 1), Map.entry("eitt", 1), Map.entry("ett", 1), Map.entry("to", 2), Map.entry("tre", 3),
            Map.entry("fire", 4), Map.entry("fem", 5));
    private static final Map<String, Integer> ORDINALS = Map.of("første", 1, "fyrste", 1, "andre", 2, "tredje", 3,
            "fjerde", 4, "femte", 5);
    private static final Set<String> DAY_NOUNS = Set.of("dag", "dagen", "kursdag", "kursdagen", "programdag",
            "programdagen", "samlingsdag", "samlingsdagen");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("mandag", DayOfWeek.MONDAY), Map.entry("måndag", DayOfWeek.MONDAY),
            Map.entry("tirsdag", DayOfWeek.TUESDAY), Map.entry("tysdag", DayOfWeek.TUESDAY),
            Map.entry("onsdag", DayOfWeek.WEDNESDAY), Map.entry("torsdag", DayOfWeek.THURSDAY),
            Map.entry("fredag", DayOfWeek.FRIDAY), Map.entry("lørdag", DayOfWeek.SATURDAY),
            Map.entry("laurdag", DayOfWeek.SATURDAY), Map.entry("søndag", DayOfWeek.SUNDAY),
            Map.entry("sundag", DayOfWeek.SUNDAY));

    private ProgrammeQuestions() {
    }

    /** The question in {@code text}, or empty when it is not one for the programme. */
    static Optional<Query> parse(String text, Programme programme) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        boolean slash = lower.startsWith("/");
        List<String> tokens = tokens(lower);
        if (tokens.isEmpty() || tokens.size() > 20) {
            return Optional.empty();
        }
        List<String> rest = new ArrayList<>();
        DaySpec day = extractDay(tokens, rest);

        Optional<Query> command = command(rest, day, slash);
        if (command.isPresent() || slash) {
            return command;
        }
        List<Session> phrase = new ArrayList<>();
        List<String> words = removeTitlePhrases(rest, programme, phrase);
        Optional<Query> hva = hvaQuestion(words, day, phrase, programme);
        if (hva.isPresent()) {
            return hva;
        }
        return whenQuestion(words, day, phrase, programme);
    }

    /* ---- commands: program, /program i morgen, neste ---- */

    private static Optional<Query> command(List<String> rest, DaySpec day, boolean slash) {
        if (rest.isEmpty()) {
            /* "i morgen" alone is not a command; "/program" never arrives empty (it has a word). */
            return Optional.empty();
        }
        String first = rest.get(0);
        List<String> args = rest.subList(1, rest.size());
        if (AGENDA_WORDS.contains(first) || (first.equals("vis") && args.size() == 1 && AGENDA_WORDS.contains(args.get(0)))) {
            List<String> extra = args.stream().filter(a -> !AGENDA_REST.contains(a) && !AGENDA_WORDS.contains(a)).toList();
            if (extra.isEmpty()) {
                return Optional.of(Query.of(Type.AGENDA, day));
            }
            if (extra.size() == 1 && extra.get(0).matches("\\d{1,2}") && !day.given()) {
                return Optional.of(Query.of(Type.AGENDA, new DaySpec(DaySpec.Kind.DAY, Integer.parseInt(extra.get(0)))));
            }
            return slash ? Optional.of(Query.of(Type.USAGE, day)) : Optional.empty();
        }
        if (first.equals("neste") && NEXT_COMMAND_REST.containsAll(args)) {
            return Optional.of(Query.of(Type.NEXT, day));
        }
        if ((first.equals("nå") || first.equals("nu")) && args.isEmpty()) {
            return Optional.of(Query.of(Type.NOW, day));
        }
        if (!slash && args.isEmpty() && kindOf(first) != null) {
            /* "lunsj?" or "pause i morgen" on its own asks when. */
            return Optional.of(new Query(Type.WHEN_KIND, day, kindOf(first), isPlural(first), false,
                    List.of(), null));
        }
        return Optional.empty();
    }

    /* ---- "hva skjer nå / etterpå / i morgen / etter lunsj / kl. 13?" ---- */

    private static Optional<Query> hvaQuestion(List<String> words, DaySpec day, List<Session> phrase, Programme programme) {
        if (words.isEmpty() || !HVA.contains(words.get(0))) {
            return Optional.empty();
        }
        List<String> rest = words.subList(1, words.size());
        int after = rest.indexOf("etter");
        if (after >= 0) {
            List<String> target = new ArrayList<>(rest.subList(after + 1, rest.size()));
            List<String> before = rest.subList(0, after);
            if (!HVA_ALLOWED.containsAll(before)) {
                return Optional.empty();
            }
            if (!target.isEmpty() && THIS.containsAll(target) && phrase.isEmpty()) {
                return Optional.of(Query.of(Type.NEXT, day));
            }
            return after(target, phrase, day, programme);
        }
        if (!phrase.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> clock = clockTime(rest);
        if (clock.isPresent()) {
            boolean allowed = rest.stream().allMatch(w -> HVA_ALLOWED.contains(w) || CLOCK.matcher(w).matches());
            return allowed ? Optional.of(new Query(Type.AT_TIME, day, null, false, false, List.of(), clock.get()))
                    : Optional.empty();
        }
        if (!HVA_ALLOWED.containsAll(rest)) {
            return Optional.empty();
        }
        if (rest.stream().anyMatch(NOW::contains) && !day.given()) {
            return Optional.of(Query.of(Type.NOW, day));
        }
        if (rest.stream().anyMatch(NEXT::contains) || rest.contains("så") && !day.given()) {
            return Optional.of(Query.of(Type.NEXT, day));
        }
        if (day.given() || rest.contains("programmet") || rest.contains("program") || rest.contains("agenda")
                || rest.contains("agendaen") || rest.contains("planen")) {
            return Optional.of(Query.of(Type.AGENDA, day));
        }
        return Optional.empty();
    }

    /** A clock time in the words: "13.00", "13:00", or a bare hour after kl/klokka. */
    private static Optional<LocalTime> clockTime(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            Matcher m = CLOCK.matcher(w);
            if (!m.matches()) {
                continue;
            }
            boolean explicit = m.group(2) != null || (i > 0 && Set.of("kl", "klokka", "klokken").contains(words.get(i - 1)));
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (explicit && hour < 24 && minute < 60) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        return Optional.empty();
    }

    /* ---- "når er lunsj?", "kva tid byrjar vi?", "når slutter dagen?" ---- */

    private static Optional<Query> whenQuestion(List<String> words, DaySpec day, List<Session> phrase, Programme programme) {
        List<String> rest = new ArrayList<>();
        boolean when = false;
        boolean soon = false;
        boolean where = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if ((w.equals("hvor") || w.equals("kor")) && !next.equals("lenge") && !WHEN_SECOND.contains(next)) {
                where = true;
            } else if (w.equals("og") && i > 0 && (words.get(i - 1).equals("hvor") || words.get(i - 1).equals("kor"))) {
                continue; /* "hvor og når er lunsj?" */
            } else if (w.equals("når") || (w.equals("nar") && i == 0)) {
                when = true;
                if (WHEN_SECOND.contains(next)) {
                    i++;
                }
            } else if (WHEN_FIRST.contains(w) && WHEN_SECOND.contains(next)) {
                when = true;
                i++;
            } else if ((w.equals("hvor") || w.equals("kor")) && next.equals("lenge")) {
                when = true;
                i++;
            } else if (w.equals("snart")) {
                soon = true;
            } else {
                rest.add(w);
            }
        }
        int after = rest.indexOf("etter");
        if (after >= 0) {
            if (!when || where) {
                return Optional.empty();
            }
            return afterInWhen(rest.subList(0, after), rest.subList(after + 1, rest.size()), day, phrase, programme);
        }
        SessionKind kind = null;
        boolean plural = false;
        boolean next = false;
        boolean start = false;
        boolean end = false;
        boolean subject = false;
        boolean meal = false;
        boolean prompt = false;
        List<String> unknown = new ArrayList<>();
        for (String w : rest) {
            if (kindOf(w) != null) {
                if (kind != null && kind != kindOf(w)) {
                    return Optional.empty(); /* "når er lunsj og middag?": two questions; leave it */
                }
                kind = kindOf(w);
                plural |= isPlural(w);
            } else if (NEXT.contains(w)) {
                next = true;
            } else if (START.contains(w)) {
                start = true;
            } else if (END.contains(w)) {
                end = true;
            } else if (SUBJECT.contains(w)) {
                subject = true;
            } else if (MEAL.contains(w)) {
                meal = true;
            } else if (PROMPT_WORDS.contains(w)) {
                prompt = true;
            } else if (!FILLER.contains(w)) {
                unknown.add(w);
            }
        }
        if (where) {
            /* "Hvor er lunsjen?": the programme has the time, not the room. */
            boolean clean = kind != null && unknown.isEmpty() && phrase.isEmpty() && !prompt && !start && !end;
            return clean ? Optional.of(new Query(Type.WHERE_KIND, day, kind, plural, next, List.of(), null)) : Optional.empty();
        }
        if (!when && !(soon && kind != null)) {
            return Optional.empty();
        }
        List<Session> titles = new ArrayList<>(phrase);
        if (prompt) {
            boolean clean = unknown.isEmpty() && phrase.isEmpty() && kind == null;
            return clean ? Optional.of(new Query(Type.WHEN_PROMPT, day, null, false, next, List.of(), null)) : Optional.empty();
        }
        if (!unknown.isEmpty()) {
            if (!phrase.isEmpty() || kind != null) {
                return Optional.empty();
            }
            titles.addAll(titled(unknown, programme));
            if (titles.isEmpty()) {
                return Optional.empty();
            }
        }
        if (kind != null) {
            return titles.isEmpty()
                    ? Optional.of(new Query(Type.WHEN_KIND, day, kind, plural, next || soon, List.of(), null))
                    : Optional.empty();
        }
        if (!titles.isEmpty()) {
            return Optional.of(new Query(Type.WHEN_TITLE, day, null, false, false, List.copyOf(titles), null));
        }
        if (next) {
            return Optional.of(Query.of(Type.NEXT, day));
        }
        if (end) {
            return Optional.of(Query.of(Type.DAY_END, day));
        }
        if (start || subject) {
            return Optional.of(Query.of(Type.DAY_START, day));
        }
        if (meal) {
            return Optional.of(Query.of(Type.WHEN_MEAL, day));
        }
        return Optional.empty();
    }

    /**
     * "Når begynner vi igjen etter lunsj?", "Når er vi ferdige etter Kommunetorg?": what comes after
     * a slot, when the words before "etter" only say when something starts.
     */
    private static Optional<Query> afterInWhen(List<String> before, List<String> targetWords, DaySpec day,
                                               List<Session> phrase, Programme programme) {
        for (String w : before) {
            if (kindOf(w) != null || !(FILLER.contains(w) || START.contains(w) || END.contains(w) || NEXT.contains(w)
                    || SUBJECT.contains(w))) {
                return Optional.empty();
            }
        }
        return after(new ArrayList<>(targetWords), phrase, day, programme);
    }

    /*
     * "etter X": the slot X names, by a session title's words ({@code phrase}), a kind of slot ("lunsj")
     * or the words left once fillers are dropped ({@code target}, changed here).
     */
    private static Optional<Query> after(List<String> target, List<Session> phrase, DaySpec day, Programme programme) {
        target.removeIf(w -> FILLER.contains(w) || END.contains(w) || w.equals("at"));
        if (target.isEmpty() && !phrase.isEmpty()) {
            return Optional.of(new Query(Type.AFTER, day, null, false, false, List.copyOf(phrase), null));
        }
        if (target.size() == 1 && kindOf(target.get(0)) != null && phrase.isEmpty()) {
            return Optional.of(new Query(Type.AFTER, day, kindOf(target.get(0)), false, false, List.of(), null));
        }
        if (!target.isEmpty() && phrase.isEmpty()) {
            List<Session> titled = titled(target, programme);
            if (!titled.isEmpty()) {
                return Optional.of(new Query(Type.AFTER, day, null, false, false, titled, null));
            }
        }
        return Optional.empty();
    }

    /* ---- session titles ---- */

    /**
     * Removes whole session titles of two or more words from the words, collecting their sessions:
     * "Når pressen banker på døren" then has no "når" of its own left.
     */
    private static List<String> removeTitlePhrases(List<String> words, Programme programme, List<Session> found) {
        List<String> out = new ArrayList<>(words);
        List<Session> sessions = programme.sessions().stream().filter(s -> s.kind() == SessionKind.SESSION)
                .sorted((a, b) -> Integer.compare(tokens(b.title().toLowerCase(Locale.ROOT)).size(),
                        tokens(a.title().toLowerCase(Locale.ROOT)).size()))
                .toList();
        Set<String> removed = new LinkedHashSet<>();
        for (Session s : sessions) {
            List<String> title = tokens(s.title().toLowerCase(Locale.ROOT));
            if (title.size() < 2) {
                continue;
            }
            if (removed.contains(s.title())) {
                found.add(s);
                continue;
            }
            int at = indexOf(out, title);
            if (at >= 0) {
                out.subList(at, at + title.size()).clear();
                removed.add(s.title());
                found.add(s);
            }
        }
        found.sort((a, b) -> a.start().compareTo(b.start()));
        return out;
    }

    /** The sessions whose titles contain every one of the words (allowing inflection). */
    static List<Session> titled(List<String> words, Programme programme) {
        List<Session> out = new ArrayList<>();
        for (Session s : programme.sessions()) {
            if (s.kind() != SessionKind.SESSION) {
                continue;
            }
            List<String> title = tokens(s.title().toLowerCase(Locale.ROOT));
            if (words.stream().allMatch(w -> title.stream().anyMatch(t -> sameWord(w, t)))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Equal, or the same word inflected: a long common beginning ("kommunetorget" ~ "kommunetorg"). */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() < 4 || b.length() < 4) {
            return false;
        }
        int common = 0;
        while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.max(4, Math.min(a.length(), b.length()) - 3);
    }

    /* ---- days ---- */

    /** Takes the day the question is about out of the tokens ("i morgen", "dag 2", "på onsdag"). */
    private static DaySpec extractDay(List<String> tokens, List<String> rest) {
        DaySpec day = DaySpec.NONE;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            String third = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
            DaySpec found = null;
            int used = 1;
            if (w.equals("i") && Set.of("dag", "kveld", "ettermiddag", "formiddag").contains(next)) {
                found = new DaySpec(DaySpec.Kind.TODAY, 0);
                used = 2;
            } else if (Set.of("idag", "ikveld", "dagens").contains(w)) {
                found = new DaySpec(DaySpec.Kind.TODAY, 0);
            } else if (w.equals("i") && Set.of("morgen", "morgon", "morra").contains(next)) {
                found = new DaySpec(DaySpec.Kind.TOMORROW, 0);
                used = 2;
            } else if (Set.of("imorgen", "imorgon", "imorra", "morgendagens", "morgondagens").contains(w)) {
                found = new DaySpec(DaySpec.Kind.TOMORROW, 0);
            } else if (w.equals("i") && Set.of("går", "gar").contains(next)) {
                found = new DaySpec(DaySpec.Kind.YESTERDAY, 0);
                used = 2;
            } else if (Set.of("igår", "igar", "gårsdagens").contains(w)) {
                found = new DaySpec(DaySpec.Kind.YESTERDAY, 0);
            } else if (w.equals("dag") && (next.equals("nr") || next.equals("nummer")) && number(third) > 0) {
                found = new DaySpec(DaySpec.Kind.DAY, number(third));
                used = 3;
            } else if (w.equals("dag") && number(next) > 0) {
                found = new DaySpec(DaySpec.Kind.DAY, number(next));
                used = 2;
            } else if (ORDINALS.containsKey(w) && DAY_NOUNS.contains(next)) {
                found = new DaySpec(DaySpec.Kind.DAY, ORDINALS.get(w));
                used = 2;
            } else if (WEEKDAYS.containsKey(w)) {
                found = new DaySpec(DaySpec.Kind.WEEKDAY, WEEKDAYS.get(w).getValue());
            }
            if (found == null) {
                rest.add(w);
                continue;
            }
            if (!rest.isEmpty() && rest.get(rest.size() - 1).equals("på")) {
                rest.remove(rest.size() - 1);
            }
            day = found;
            i += used - 1;
        }
        return day;
    }

    private static int number(String w) {
        if (w.matches("\\d{1,2}")) {
            return Integer.parseInt(w);
        }
        return NUMBERS.getOrDefault(w, 0);
    }

    static List<String> tokens(String lower) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(lower);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static int indexOf(List<String> haystack, List<String> needle) {
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
