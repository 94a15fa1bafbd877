package no.folkevalgt.core.programme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Platforms;
import no.folkevalgt.core.text.EditDistance;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code programme.yaml} into a {@link Programme}, refusing a wrong file with a
 * {@link ProgrammeException} that names the file, the line and the field.
 *
 * <pre>{@code
 * Programme programme = settings.programmeFile()
 *         .map(ProgrammeLoader::load)
 *         .orElseGet(ProgrammeLoader::loadBundled);
 * }</pre>
 *
 * <p>The file is read with SnakeYAML Engine's composer, not its constructor, so that every value
 * keeps its line and is taken as written: {@code 09.00} stays the text "09.00" rather than becoming
 * the number 9.0, and {@code 09:00} is not read as a sexagesimal number.
 *
 * <p>Rules the file must follow (the bundled file's comments say the same to organisers):
 * <ul>
 *   <li>Known fields only, each at most once; misspelt fields are refused with a suggestion.</li>
 *   <li>Times {@code HH.MM} or {@code HH:MM} (00–23, 00–59); dates {@code YYYY-MM-DD}.</li>
 *   <li>Days numbered 1, 2, ... without gaps or repeats, each on a later date than the one before.</li>
 *   <li>Sessions of a day in time order and not overlapping. A session ends at its {@code end}, else
 *       at the next session's start, else (the last of the day) {@value #LAST_SLOT_MINUTES} minutes after it
 *       starts.</li>
 *   <li>A prompt closes after it opens, on the day it names.</li>
 * </ul>
 *
 * <p>Daylight saving: a local time is turned into an instant in the programme's zone with
 * {@link ZonedDateTime#ofLocal}. A time in the spring gap (02.30 on the last Sunday of March in
 * Europe/Oslo) does not exist and is moved forward by the length of the gap (to 03.30); a time in the
 * autumn overlap (02.30 on the last Sunday of October happens twice) is the earlier of the two, still
 * in summer time. Both are deterministic; a real programme never meets either at night.
 */
public final class ProgrammeLoader {

    /** Where the bundled default lives on the classpath (copied from {@code config/programme.yaml}). */
    public static final String BUNDLED_RESOURCE = "no/folkevalgt/core/programme/programme.yaml";

    /** The name the bundled file goes by in messages. */
    public static final String BUNDLED_NAME = "programme.yaml (innebygd)";

    /** The channel posted to when the file names none. */
    public static final ChannelRef DEFAULT_CHANNEL = new ChannelRef(Platforms.LOCAL, "programmet");

    /** The reminder lead when the file gives none. */
    public static final Duration DEFAULT_REMINDER_LEAD = Duration.ofMinutes(10);

    /** How long the last slot of a day lasts when the file gives no end. */
    public static final int LAST_SLOT_MINUTES = 60;

    static final Set<String> PLATFORMS = Platforms.ALL;

    private static final Set<String> TOP_FIELDS = Set.of("title", "place", "time_zone", "reminder_lead_minutes",
            "channels", "days", "prompts");
    private static final Set<String> DAY_FIELDS = Set.of("day", "date", "sessions");
    private static final Set<String> SESSION_FIELDS = Set.of("start", "end", "title", "kind");
    private static final Set<String> PROMPT_FIELDS = Set.of("title", "text", "day", "opens", "closes", "anonymous",
            "max_words");

    private static final Map<String, SessionKind> KINDS = Map.ofEntries(
            Map.entry("session", SessionKind.SESSION), Map.entry("økt", SessionKind.SESSION),
            Map.entry("break", SessionKind.BREAK), Map.entry("pause", SessionKind.BREAK),
            Map.entry("lunch", SessionKind.LUNCH), Map.entry("lunsj", SessionKind.LUNCH),
            Map.entry("dinner", SessionKind.DINNER), Map.entry("middag", SessionKind.DINNER));

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[.:](\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("[+]?\\d{1,6}");
    private static final int MAX_LEAD_MINUTES = 24 * 60;
    private static final int MAX_WORDS = 1000;

    private ProgrammeLoader() {
    }

    /** Reads an organiser's programme file (UTF-8). */
    public static Programme load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProgrammeException(file.toString(), 0, "", "fant ikke programfila. Sjekk stien i PROGRAMME_FILE.", e);
        } catch (IOException e) {
            throw new ProgrammeException(file.toString(), 0, "", "kunne ikke lese programfila (" + e.getMessage() + ").", e);
        }
        return parse(decode(bytes, name), name);
    }

    /** Reads the programme bundled with the bot: Rakkestad, 5 and 6 November 2019. */
    public static Programme loadBundled() {
        try (InputStream in = ProgrammeLoader.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new ProgrammeException(BUNDLED_NAME, 0, "", "det innebygde programmet mangler i bot-core ("
                        + BUNDLED_RESOURCE + "). Bygg prosjektet på nytt.");
            }
            return parse(decode(in.readAllBytes(), BUNDLED_NAME), BUNDLED_NAME);
        } catch (IOException e) {
            throw new ProgrammeException(BUNDLED_NAME, 0, "", "kunne ikke lese det innebygde programmet.", e);
        }
    }

    /**
     * Reads a programme from YAML text.
     *
     * @param yaml     the file's content
     * @param fileName what to call the file in messages, e.g. {@code programme.yaml}
     * @throws ProgrammeException when the file is wrong; the message names the line and field
     */
    public static Programme parse(String yaml, String fileName) {
        return new Reader(fileName).read(yaml);
    }

    private static String decode(byte[] bytes, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProgrammeException(name, 0, "", "fila er ikke lagret som UTF-8. Lagre den som UTF-8 og prøv igjen.", e);
        }
    }

    /** One read of one file; knows the file name for messages. */
    private static final class Reader {

        private final String file;

        Reader(String file) {
            this.file = file;
        }

        Programme read(String yaml) {
            Node root = compose(yaml);
            Fields top = fields(root, TOP_FIELDS, "programmet");
            String title = top.requiredText("title");
            String place = top.optionalText("place").orElse("");
            ZoneId zone = top.node("time_zone").map(this::zone).orElse(ZoneId.of("Europe/Oslo"));
            Duration lead = top.node("reminder_lead_minutes")
                    .map(n -> Duration.ofMinutes(integer(n, "reminder_lead_minutes", 0, MAX_LEAD_MINUTES, "")))
                    .orElse(DEFAULT_REMINDER_LEAD);
            List<ChannelRef> channels = top.node("channels").map(this::channels).orElse(List.of(DEFAULT_CHANNEL));

            Node daysNode = top.required("days");
            Map<Integer, Day> days = days(daysNode, zone);
            List<Session> sessions = new ArrayList<>();
            days.values().forEach(d -> sessions.addAll(d.sessions));
            List<Prompt> prompts = top.node("prompts").map(n -> prompts(n, days, zone)).orElse(List.of());
            try {
                return new Programme(title, place, zone, sessions, prompts, channels, lead);
            } catch (IllegalArgumentException e) {
                /* The checks above should have caught it with a line; this is the record's last word. */
                throw new ProgrammeException(file, line(daysNode), "days", e.getMessage(), e);
            }
        }

        private Node compose(String yaml) {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(file)
                    .setMaxAliasesForCollections(20)
                    .setAllowDuplicateKeys(true) /* we report duplicates ourselves, with both lines */
                    .build();
            Optional<Node> root;
            try {
                root = new Compose(settings).composeString(yaml);
            } catch (MarkedYamlEngineException e) {
                int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
                throw new ProgrammeException(file, line, "", "fila er ikke gyldig YAML (" + e.getProblem()
                        + "). Sjekk innrykk, kolon og anførselstegn.", e);
            } catch (YamlEngineException e) {
                throw new ProgrammeException(file, 0, "", "fila er ikke gyldig YAML (" + e.getMessage() + ").", e);
            } catch (StackOverflowError e) {
                /* SnakeYAML Engine has no nesting limit; a programme is never nested this deep. */
                throw new ProgrammeException(file, 0, "", "fila er for dypt nestet til å være et program.", null);
            }
            if (root.isEmpty() || isNull(root.get())) {
                throw new ProgrammeException(file, 0, "", "fila er tom. Et program trenger minst title og days.");
            }
            return root.get();
        }

        /* ---- days and sessions ---- */

        private Map<Integer, Day> days(Node node, ZoneId zone) {
            List<Node> seq = sequence(node, "days", "en liste med dager (- day: 1 ...)");
            if (seq.isEmpty()) {
                throw fail(node, "days", "programmet har ingen dager. Legg inn minst én dag med økter.");
            }
            Map<Integer, Day> byNumber = new HashMap<>();
            for (Node dayNode : seq) {
                Fields f = fields(dayNode, DAY_FIELDS, "en dag");
                Node numberNode = f.required("day");
                int number = integer(numberNode, "day", 1, 100, "");
                Day earlier = byNumber.get(number);
                if (earlier != null) {
                    throw fail(numberNode, "day", "dag " + number + " står to ganger (også på linje " + earlier.line
                            + "). Hver dag skal stå én gang, med alle øktene sine.");
                }
                LocalDate date = date(f.required("date"), "date", "dag " + number);
                Day day = new Day(number, date, line(dayNode), numberNode, f.required("date"));
                byNumber.put(number, day);
                day.sessions.addAll(sessions(f.required("sessions"), day, zone));
            }
            Map<Integer, Day> ordered = new LinkedHashMap<>();
            Day previous = null;
            for (int n = 1; n <= byNumber.size(); n++) {
                Day day = byNumber.get(n);
                if (day == null) {
                    Day wrong = byNumber.values().stream().filter(d -> d.number > byNumber.size())
                            .min(Comparator.comparingInt(d -> d.number)).orElseThrow();
                    throw fail(wrong.numberNode, "day", "dagene skal nummereres 1, 2, 3 ... uten hull, men dag " + n
                            + " mangler (fila har dag " + wrong.number + ").");
                }
                if (previous != null && !day.date.isAfter(previous.date)) {
                    throw fail(day.dateNode, "date", "dag " + day.number + " (" + day.date + ") må komme etter dag "
                            + previous.number + " (" + previous.date + "), på en senere dato.");
                }
                ordered.put(n, day);
                previous = day;
            }
            return ordered;
        }

        private List<Session> sessions(Node node, Day day, ZoneId zone) {
            List<Node> seq = sequence(node, "sessions", "en liste med økter (- start: 09.00 ...)");
            if (seq.isEmpty()) {
                throw fail(node, "sessions", "dag " + day.number + " har ingen økter. Legg inn minst én, eller fjern dagen.");
            }
            record Slot(String title, SessionKind kind, ZonedDateTime start, ZonedDateTime end, Node startNode,
                        Node endNode) {
            }
            List<Slot> slots = new ArrayList<>();
            for (Node sessionNode : seq) {
                Fields f = fields(sessionNode, SESSION_FIELDS, "en økt på dag " + day.number);
                String title = f.requiredText("title");
                String where = "dag " + day.number + ", «" + title + "»";
                Node startNode = f.required("start");
                ZonedDateTime start = at(day.date, time(startNode, "start", where), zone);
                Optional<Node> endNode = f.node("end");
                ZonedDateTime end = endNode.map(n -> at(day.date, time(n, "end", where), zone)).orElse(null);
                SessionKind kind = f.node("kind").map(n -> kind(n, where)).orElse(SessionKind.SESSION);
                if (end != null && !end.isAfter(start)) {
                    throw fail(endNode.get(), "end", where + " slutter (" + Texts.time(end) + ") før eller samtidig med at den begynner ("
                            + Texts.time(start) + "). En økt må slutte etter at den begynner, samme dag.");
                }
                if (!slots.isEmpty()) {
                    Slot before = slots.get(slots.size() - 1);
                    if (start.isBefore(before.start) || start.isEqual(before.start)) {
                        throw fail(startNode, "start", where + " begynner kl. " + Texts.time(start) + ", men står etter «"
                                + before.title + "» som begynner kl. " + Texts.time(before.start)
                                + ". Øktene skal stå i tidsrekkefølge; er klokkeslettet skrevet feil?");
                    }
                    if (before.end != null && start.isBefore(before.end)) {
                        throw fail(startNode, "start", where + " begynner kl. " + Texts.time(start) + ", før «" + before.title
                                + "» er slutt kl. " + Texts.time(before.end) + " (linje " + line(before.endNode)
                                + "). Økter kan ikke overlappe.");
                    }
                }
                slots.add(new Slot(title, kind, start, end, startNode, endNode.orElse(null)));
            }
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                ZonedDateTime end = s.end != null ? s.end
                        : i + 1 < slots.size() ? slots.get(i + 1).start
                        : s.start.plusMinutes(LAST_SLOT_MINUTES);
                sessions.add(new Session(day.number, s.title, s.kind, s.start, end));
            }
            return sessions;
        }

        private SessionKind kind(Node node, String where) {
            String value = text(node, "kind").toLowerCase(Locale.ROOT);
            SessionKind kind = KINDS.get(value);
            if (kind == null) {
                throw fail(node, "kind", "«" + value + "» er ikke en kjent type for " + where
                        + ". Bruk session (økt), break (pause), lunch (lunsj) eller dinner (middag)"
                        + suggestion(value, Set.of("session", "break", "lunch", "dinner")) + ".");
            }
            return kind;
        }

        /* ---- prompts ---- */

        private List<Prompt> prompts(Node node, Map<Integer, Day> days, ZoneId zone) {
            List<Node> seq = sequence(node, "prompts", "en liste med refleksjonsoppgaver (- title: ...)");
            List<Prompt> prompts = new ArrayList<>();
            for (Node promptNode : seq) {
                int number = prompts.size() + 1;
                Fields f = fields(promptNode, PROMPT_FIELDS, "refleksjonsoppgave " + number);
                String title = f.requiredText("title");
                String where = "refleksjonsoppgave " + number + " «" + title + "»";
                String text = f.node("text").map(n -> block(n, "text")).orElse(title);
                Node dayNode = f.required("day");
                int dayNumber = integer(dayNode, "day", 1, 100, where);
                Day day = days.get(dayNumber);
                if (day == null) {
                    throw fail(dayNode, "day", where + " gjelder dag " + dayNumber + ", men programmet har bare "
                            + (days.size() == 1 ? "dag 1" : "dag 1–" + days.size()) + ".");
                }
                Node opensNode = f.required("opens");
                Node closesNode = f.required("closes");
                ZonedDateTime opens = at(day.date, time(opensNode, "opens", where), zone);
                ZonedDateTime closes = at(day.date, time(closesNode, "closes", where), zone);
                if (!closes.isAfter(opens)) {
                    throw fail(closesNode, "closes", where + " lukker kl. " + Texts.time(closes) + ", før eller samtidig med at den åpner (opens "
                            + Texts.time(opens) + "). En oppgave må åpne før den lukker.");
                }
                boolean anonymous = f.node("anonymous").map(n -> bool(n, "anonymous", where)).orElse(true);
                int maxWords = f.node("max_words").map(n -> integer(n, "max_words", 0, MAX_WORDS, where)).orElse(0);
                prompts.add(new Prompt(number, title, text, opens, closes, anonymous, maxWords));
            }
            return prompts;
        }

        /* ---- scalar values ---- */

        private ZoneId zone(Node node) {
            String value = text(node, "time_zone");
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw fail(node, "time_zone", "«" + value + "» er ikke en kjent tidssone. Skriv for eksempel Europe/Oslo"
                        + suggestion(value, ZoneId.getAvailableZoneIds()) + ".");
            }
        }

        private List<ChannelRef> channels(Node node) {
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            if (items.isEmpty()) {
                throw fail(node, "channels", "ingen kanaler. Skriv minst én, for eksempel local:programmet.");
            }
            Set<ChannelRef> seen = new LinkedHashSet<>();
            for (Node item : items) {
                String value = text(item, "channels");
                ChannelRef channel;
                try {
                    channel = ChannelRef.parse(value);
                } catch (IllegalArgumentException e) {
                    throw fail(item, "channels", "«" + value + "» er ikke en kanal: en kanal skrives plattform:id, for eksempel "
                            + "local:programmet eller slack:C0123ABCD.");
                }
                String platform = channel.platform().toLowerCase(Locale.ROOT);
                if (!PLATFORMS.contains(platform)) {
                    throw fail(item, "channels", "«" + channel.platform() + "» i «" + value
                            + "» er ikke en plattform boten kjenner. Bruk local, web, slack eller teams"
                            + suggestion(platform, PLATFORMS) + ".");
                }
                channel = new ChannelRef(platform, channel.id());
                if (!seen.add(channel)) {
                    throw fail(item, "channels", "kanalen «" + channel + "» står to ganger; da ville alt blitt postet to ganger.");
                }
            }
            return List.copyOf(seen);
        }

        private LocalTime time(Node node, String field, String where) {
            String value = text(node, field);
            Matcher m = TIME.matcher(value);
            String how = " Skriv timer og minutter som 09.00 eller 09:00 (timer 00–23, minutter 00–59).";
            if (!m.matches()) {
                throw fail(node, field, "«" + value + "» (" + where + ") er ikke et klokkeslett." + how);
            }
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour > 23) {
                throw fail(node, field, "«" + value + "» (" + where + ") finnes ikke: timen må være 00–23." + how);
            }
            if (minute > 59) {
                throw fail(node, field, "«" + value + "» (" + where + ") finnes ikke: minuttene må være 00–59." + how);
            }
            return LocalTime.of(hour, minute);
        }

        private LocalDate date(Node node, String field, String where) {
            String value = text(node, field);
            if (DATE.matcher(value).matches()) {
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeException e) {
                    /* falls through to the message below: 2019-02-30 and the like */
                }
            }
            throw fail(node, field, "«" + value + "» (" + where + ") er ikke en gyldig dato. Skriv år-måned-dag, for eksempel 2019-11-05.");
        }

        private int integer(Node node, String field, int min, int max, String where) {
            String value = text(node, field);
            String context = where.isEmpty() ? "" : " (" + where + ")";
            if (!INTEGER.matcher(value).matches()) {
                throw fail(node, field, "«" + value + "»" + context + " er ikke et helt tall. Skriv et tall fra " + min + " til " + max + ".");
            }
            int n = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
            if (n < min || n > max) {
                throw fail(node, field, n + context + " er utenfor det tillatte: skriv et tall fra " + min + " til " + max + ".");
            }
            return n;
        }

        private boolean bool(Node node, String field, String where) {
            String value = text(node, field).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true", "ja", "yes" -> true;
                case "false", "nei", "no" -> false;
                default -> throw fail(node, field, "«" + value + "» (" + where + ") må være true eller false.");
            };
        }

        /** A one-line value: whitespace collapsed, never empty. */
        private String text(Node node, String field) {
            return block(node, field).replaceAll("\\s+", " ");
        }

        /** A value that may span lines (a prompt's text): lines kept, never empty. */
        private String block(Node node, String field) {
            if (!(node instanceof ScalarNode scalar)) {
                throw fail(node, field, "skal være en enkelt verdi, ikke en liste eller en gruppe felt.");
            }
            String value = scalar.getValue().strip();
            if (value.isEmpty() || isNull(node)) {
                throw fail(node, field, "mangler verdi.");
            }
            return value.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse(value);
        }

        /* ---- structure ---- */

        private List<Node> sequence(Node node, String field, String what) {
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            if (isNull(node)) {
                return List.of();
            }
            throw fail(node, field, "skal være " + what + ".");
        }

        private Fields fields(Node node, Set<String> allowed, String what) {
            if (!(node instanceof MappingNode mapping)) {
                throw fail(node, "", what + " skal være en gruppe felt (navn: verdi), men er «"
                        + (node instanceof ScalarNode s ? s.getValue() : "en liste") + "».");
            }
            Map<String, NodeTuple> byName = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw fail(keyNode, "", "et feltnavn må være et ord, for eksempel title.");
                }
                String key = keyScalar.getValue().strip();
                if (!allowed.contains(key)) {
                    throw fail(keyNode, key, "ukjent felt i " + what + suggestion(key, allowed)
                            + ". Tillatte felt her: " + String.join(", ", sorted(allowed)) + ".");
                }
                NodeTuple earlier = byName.putIfAbsent(key, tuple);
                if (earlier != null) {
                    throw fail(keyNode, key, "står to ganger i " + what + " (også på linje " + line(earlier.getKeyNode()) + ").");
                }
            }
            return new Fields(mapping, byName, what);
        }

        /** The fields of one mapping, looked up by name. */
        private final class Fields {
            private final MappingNode mapping;
            private final Map<String, NodeTuple> byName;
            private final String what;

            Fields(MappingNode mapping, Map<String, NodeTuple> byName, String what) {
                this.mapping = mapping;
                this.byName = byName;
                this.what = what;
            }

            Optional<Node> node(String name) {
                return Optional.ofNullable(byName.get(name)).map(NodeTuple::getValueNode);
            }

            Node required(String name) {
                return node(name).orElseThrow(() -> fail(mapping, name, "mangler i " + what + ". Feltet «" + name + "» må være med."));
            }

            String requiredText(String name) {
                return text(required(name), name);
            }

            Optional<String> optionalText(String name) {
                return node(name).map(n -> text(n, name));
            }
        }

        private ProgrammeException fail(Node node, String field, String problem) {
            return new ProgrammeException(file, line(node), field, problem);
        }

        private static int line(Node node) {
            return node == null ? 0 : node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()) && s.isPlain();
        }
    }

    /** A programme day as read so far. */
    private static final class Day {
        final int number;
        final LocalDate date;
        final int line;
        final Node numberNode;
        final Node dateNode;
        final List<Session> sessions = new ArrayList<>();

        Day(int number, LocalDate date, int line, Node numberNode, Node dateNode) {
            this.number = number;
            this.date = date;
            this.line = line;
            this.numberNode = numberNode;
            this.dateNode = dateNode;
        }
    }

    /** Local date and time to a zoned time; see the class comment for daylight saving. */
    static ZonedDateTime at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** ", mente du «start»?" when a known name is close to what was written, else "". */
    static String suggestion(String written, Set<String> known) {
        String lower = written.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = EditDistance.of(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, written.length() / 3));
        return best != null && bestDistance <= allowed ? " (mente du «" + best + "»?)" : "";
    }
}
