package no.folkevalgt.core.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import no.folkevalgt.core.port.Commands;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.ProgrammeQuestions.DaySpec;
import no.folkevalgt.core.programme.ProgrammeQuestions.Query;

/**
 * The programme in chat: {@code program}, {@code /program [i dag|i morgen|dag N]}, {@code neste}, and
 * questions about when things happen ("når er lunsj?", "kva skjer no?", "når slutter dagen?").
 * Anything else, questions about the material included, is left for the next group and the
 * knowledge base; see {@link ProgrammeQuestions} for how the two are told apart.
 *
 * <pre>{@code
 * Commands programme = new ProgrammeCommands(() -> currentProgramme, clock);
 * Bot bot = Bot.builder().knowledgeBase(kb).commands(List.of(programme, reflections))
 *         .unanswered(unanswered).clock(clock).build();
 * }</pre>
 *
 * <p>"Today" is the programme day going on now, else the one on today's date (the next of them
 * when a demo puts two days on one date); "i morgen" is the day after it. Replies are private to
 * the asker, so that the channel is not filled with agendas.
 */
public final class ProgrammeCommands implements Commands {

    private static final String NOW_MARK = "  ▶ nå";
    private static final String NEXT_MARK = "  → neste";

    private final Supplier<Programme> programme;
    private final Clock clock;

    /**
     * @param programme the programme now in force (a supplier, so that a reloaded file is seen)
     * @param clock     what "now" is
     */
    public ProgrammeCommands(Supplier<Programme> programme, Clock clock) {
        this.programme = Objects.requireNonNull(programme, "programme");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ProgrammeCommands(Programme programme, Clock clock) {
        this(fixed(programme), clock);
    }

    private static Supplier<Programme> fixed(Programme programme) {
        Objects.requireNonNull(programme, "programme");
        return () -> programme;
    }

    @Override
    public Optional<Reply> handle(Incoming incoming, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Programme p = programme.get();
        if (p.sessions().isEmpty()) {
            return Optional.empty();
        }
        return ProgrammeQuestions.parse(text, p).map(q -> new View(p, clock.instant()).answer(q));
    }

    /**
     * The answer to a programme question together with the programme day it is about, for front ends
     * that show the day's agenda slide beside it ({@code ./bot ask --json}); empty when {@code text} is
     * not a programme question.
     */
    public Optional<Answer> answer(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Programme p = programme.get();
        if (p.sessions().isEmpty()) {
            return Optional.empty();
        }
        return ProgrammeQuestions.parse(text, p).map(q -> {
            View view = new View(p, clock.instant());
            return new Answer(view.answer(q), view.dayAbout(q));
        });
    }

    /**
     * A programme answer.
     *
     * @param reply the reply as the chat gives it
     * @param day   the programme day the question is about (the day going on, the next one before
     *              the programme starts, the last one after it), from 1
     */
    public record Answer(Reply reply, int day) {
    }

    @Override
    public List<String> help() {
        return List.of(
                "program – dagens program (også «program i morgen» og «program dag 2»)",
                "neste – hva som skjer etterpå",
                "«Når er lunsj?», «Hva skjer nå?», «Når slutter dagen?» – spørsmål om tidene i programmet");
    }

    /** One answer: the programme and the time it is asked at. */
    private static final class View {
        private final Programme p;
        private final Instant now;
        private final ZonedDateTime local;
        private final LocalDate today;

        View(Programme p, Instant now) {
            this.p = p;
            this.now = now;
            this.local = now.atZone(p.zone());
            this.today = local.toLocalDate();
        }

        Reply answer(Query q) {
            List<String> blocks = switch (q.type()) {
                case AGENDA -> agenda(q.day());
                case USAGE -> List.of("Skriv «program» for dagens program, «program i morgen», eller «program dag 1» til «program dag "
                        + p.days() + "».");
                case NOW -> List.of(now());
                case NEXT -> List.of(next());
                case AFTER -> List.of(after(q));
                case AT_TIME -> List.of(atTime(q));
                case WHEN_KIND -> List.of(whenKind(q));
                case WHERE_KIND -> List.of(whenKind(q) + " Programmet sier ikke hvor " + definite(q.kind())
                        + " er; spør fasilitatoren.");
                case WHEN_MEAL -> List.of(meal());
                case WHEN_PROMPT -> List.of(whenPrompt(q.day()));
                case WHEN_TITLE -> List.of(whenTitle(q));
                case DAY_START -> List.of(dayStart(q.day()));
                case DAY_END -> List.of(dayEnd(q.day()));
            };
            return Reply.builder().text(blocks.toArray(String[]::new)).ephemeral(true).build();
        }

        /** The programme day a question is about; see {@link Answer#day}. */
        int dayAbout(Query q) {
            if (!q.titles().isEmpty()) {
                OptionalInt asked = resolve(q.day());
                return q.titles().stream().filter(s -> !q.day().given() || asked.orElse(-1) == s.day())
                        .findFirst().orElse(q.titles().get(0)).day();
            }
            OptionalInt day = resolve(q.day());
            if (q.kind() != null) {
                /* "når er middag?": when only one day has that kind of slot, the answer is about that day. */
                List<Integer> days = p.sessions().stream().filter(s -> s.kind() == q.kind()).map(Session::day)
                        .distinct().toList();
                if (days.size() == 1) {
                    return days.get(0);
                }
            }
            if (day.isPresent()) {
                return day.getAsInt();
            }
            ProgrammeState state = p.stateAt(now);
            return state.phase() == ProgrammeState.Phase.BETWEEN_DAYS ? state.next().orElseThrow().day() : state.day();
        }

        /* ---- the agenda ---- */

        /**
         * The agenda of the day asked for. Before the programme, a day that is not a programme day
         * gets a line on when it starts and day 1's agenda; after it, a line saying it is over and,
         * when the day asked for is a programme day, that day's agenda.
         */
        List<String> agenda(DaySpec spec) {
            OptionalInt day = resolve(spec);
            ProgrammeState state = p.stateAt(now);
            List<String> blocks = new ArrayList<>();
            if (state.phase() == ProgrammeState.Phase.OVER) {
                blocks.add("Programmet er over. " + runs());
                if (day.isPresent()) {
                    blocks.addAll(agendaOf(day.getAsInt()));
                } else {
                    blocks.add("Skriv " + Texts.or(dayCommands(0)) + " for å se programmet for en av dagene.");
                }
                return blocks;
            }
            if (day.isPresent()) {
                return agendaOf(day.getAsInt());
            }
            if (state.phase() == ProgrammeState.Phase.NOT_STARTED) {
                Session first = state.next().orElseThrow();
                blocks.add((spec.given() && spec.kind() != DaySpec.Kind.TODAY ? notADay(spec) + " " : "")
                        + "Programmet starter " + Texts.dateWithoutYear(first.start().toLocalDate()) + " kl. "
                        + Texts.time(first.start()) + " med " + first.title() + ".");
                blocks.addAll(agendaOf(first.day()));
                return blocks;
            }
            blocks.add(notADay(spec) + " " + runs());
            OptionalInt today = currentDay();
            List<String> others = dayHints(today.orElse(0));
            blocks.add(today.isPresent()
                    ? "Skriv «program» for dagens program" + (others.isEmpty() ? "." : " eller " + Texts.or(others) + ".")
                    : "Skriv " + Texts.or(others) + ".");
            return blocks;
        }

        /** "«program dag 1» for tirsdag 5. november", ... for every day but {@code except}. */
        private List<String> dayHints(int except) {
            List<String> out = new ArrayList<>();
            for (int d = 1; d <= p.days(); d++) {
                if (d != except) {
                    out.add("«program dag " + d + "» for " + Texts.dateWithoutYear(date(d)));
                }
            }
            return out;
        }

        /** "«program dag 1»", "«program dag 2»" ... for every day but {@code except}. */
        private List<String> dayCommands(int except) {
            List<String> out = new ArrayList<>();
            for (int d = 1; d <= p.days(); d++) {
                if (d != except) {
                    out.add("«program dag " + d + "»");
                }
            }
            return out;
        }

        private List<String> agendaOf(int day) {
            List<String> blocks = new ArrayList<>();
            String heading = "Program dag " + day + " – " + Texts.date(date(day)) + relative(day, true);
            String where = p.place().isBlank() ? p.title() : p.title() + ", " + p.place();
            blocks.add(heading + "\n" + where);
            Optional<Session> current = p.sessionAt(now);
            Optional<Session> next = p.nextSession(now);
            boolean over = p.stateAt(now).phase() == ProgrammeState.Phase.OVER;
            List<String> lines = new ArrayList<>();
            for (Session s : p.sessions(day)) {
                String line = Texts.span(s.start(), s.end()) + "  " + s.title();
                if (current.isPresent() && current.get().equals(s)) {
                    line += NOW_MARK;
                } else if (next.isPresent() && next.get().equals(s)) {
                    line += NEXT_MARK;
                }
                lines.add(line);
            }
            blocks.add(String.join("\n", lines));
            List<Prompt> prompts = p.prompts(day);
            if (!prompts.isEmpty()) {
                List<String> promptLines = new ArrayList<>();
                promptLines.add("Refleksjonsoppgaver (svar med /refleksjon <svaret ditt>):");
                for (Prompt prompt : prompts) {
                    promptLines.add(Texts.span(prompt.opens(), prompt.closes()) + "  " + prompt.number() + ". " + prompt.title());
                }
                blocks.add(String.join("\n", promptLines));
            }
            List<String> others = dayHints(day);
            String nextHint = over ? "" : "«neste» for det som kommer etterpå";
            if (others.isEmpty()) {
                blocks.add(over ? "Programmet hadde bare denne dagen." : "Skriv " + nextHint + ".");
            } else {
                blocks.add("Skriv " + Texts.or(others) + (over ? "." : ", og " + nextHint + "."));
            }
            return blocks;
        }

        /* ---- now and next ---- */

        String now() {
            ProgrammeState state = p.stateAt(now);
            if (state.phase() == ProgrammeState.Phase.OVER) {
                return state.summary() + " " + runs() + " Takk for nå!";
            }
            if (state.phase() == ProgrammeState.Phase.NOT_STARTED || state.phase() == ProgrammeState.Phase.BETWEEN_DAYS) {
                return state.summary();
            }
            Optional<Session> current = state.current();
            if (current.isEmpty()) {
                OptionalInt day = currentDay();
                Optional<Session> next = p.nextSession(now);
                if (day.isPresent() && next.isPresent() && next.get().day() == day.getAsInt()) {
                    return "Akkurat nå står ingenting på programmet. " + nextSentence(next.get());
                }
                return next();
            }
            Session s = current.get();
            String text = state.summary();
            Optional<Session> next = p.nextSession(now);
            return next.map(n -> text + " " + nextSentence(n)).orElse(text + " Det er det siste i programmet.");
        }

        String next() {
            Optional<Session> current = p.sessionAt(now);
            Optional<Session> next = p.nextSession(now);
            String nowPart = current.map(s -> "Nå: " + s.title() + " (til kl. " + Texts.time(s.end()) + "). ").orElse("");
            if (next.isEmpty()) {
                return current.isPresent() ? nowPart + "Det er det siste i programmet."
                        : p.stateAt(now).summary() + " " + runs() + " Takk for nå!";
            }
            String prefix = nowPart;
            if (p.stateAt(now).phase() == ProgrammeState.Phase.NOT_STARTED) {
                prefix = "Programmet har ikke startet. ";
            } else if (current.isEmpty() && currentDay().isEmpty()) {
                prefix = notADay(DaySpec.NONE) + " ";
            }
            return prefix + nextSentence(next.get());
        }

        /** "Neste: Lunsj kl. 11.30 (om 20 minutter). Deretter: Kommunetorg kl. 12.15." */
        private String nextSentence(Session next) {
            StringBuilder out = new StringBuilder("Neste: ").append(next.title()).append(", ").append(when(next.start(), next.day()));
            Duration until = Duration.between(now, next.start().toInstant());
            if (until.compareTo(Duration.ofHours(12)) < 0) {
                out.append(" (om ").append(Texts.duration(until)).append(')');
            }
            out.append('.');
            if (next.kind() != SessionKind.SESSION) {
                /* After a break or lunch, say what people come back to; not across the night. */
                p.sessions(next.day()).stream()
                        .filter(s -> s.kind() == SessionKind.SESSION && s.start().isAfter(next.start()))
                        .findFirst()
                        .ifPresent(s -> out.append(" Deretter: ").append(s.title()).append(", kl. ")
                                .append(Texts.time(s.start())).append('.'));
            }
            return out.toString();
        }

        String after(Query q) {
            Optional<Session> anchor;
            if (q.kind() != null) {
                anchor = slotOf(q.kind(), q.day());
            } else {
                anchor = q.titles().stream().filter(s -> !q.day().given() || resolve(q.day()).orElse(-1) == s.day())
                        .findFirst().or(() -> q.titles().stream().findFirst());
            }
            if (anchor.isEmpty()) {
                return q.kind() == null ? "Det finner jeg ikke i programmet." : noneOf(q.kind(), q.day());
            }
            Session a = anchor.get();
            String name = q.kind() != null ? definite(q.kind()) : "«" + a.title() + "»";
            Optional<Session> after = p.sessions(a.day()).stream().filter(s -> !s.start().isBefore(a.end())).findFirst();
            String head = "Etter " + name + relative(a.day(), false);
            return after.map(s -> head + (s.kind() == SessionKind.SESSION ? " kommer «" + s.title() + "»"
                            : " er det " + label(s.kind())) + " kl. " + Texts.time(s.start()) + ".")
                    .orElse(head + " er det ikke mer på programmet den dagen.");
        }

        String atTime(Query q) {
            OptionalInt day = q.day().given() ? resolve(q.day()) : currentDay();
            if (day.isEmpty()) {
                return noProgramme(q.day());
            }
            ZonedDateTime at = ProgrammeLoader.at(date(day.getAsInt()), q.time(), p.zone());
            String head = "Kl. " + Texts.time(at) + relative(day.getAsInt(), false);
            Optional<Session> slot = p.sessionAt(at.toInstant()).filter(s -> s.day() == day.getAsInt());
            if (slot.isPresent()) {
                Session s = slot.get();
                return head + ": " + s.title() + " (kl. " + Texts.span(s.start(), s.end()) + ").";
            }
            Optional<Session> next = p.nextSession(at.toInstant()).filter(s -> s.day() == day.getAsInt());
            return head + " står ingenting på programmet."
                    + next.map(s -> " Neste: " + s.title() + " kl. " + Texts.time(s.start()) + ".").orElse("");
        }

        /* ---- when is lunch, dinner, the break ---- */

        String whenKind(Query q) {
            SessionKind kind = q.kind();
            boolean nextOne = q.next() || (kind == SessionKind.BREAK && !q.plural() && !q.day().given());
            if (nextOne) {
                List<Session> candidates = q.day().given()
                        ? resolve(q.day()).stream().boxed().flatMap(d -> p.sessions(d).stream()).toList()
                        : p.sessions();
                Optional<Session> s = candidates.stream()
                        .filter(x -> x.kind() == kind && x.end().toInstant().isAfter(now)).findFirst();
                if (s.isEmpty()) {
                    return q.day().given() && resolve(q.day()).isEmpty() ? noProgramme(q.day())
                            : overPrefix() + "Det er ingen flere " + plural(kind) + " i programmet" + (q.day().given() ? relative(resolve(q.day()).getAsInt(), false) : "") + ".";
                }
                return describe(s.get(), kind, true);
            }
            OptionalInt day = resolve(q.day());
            if (day.isEmpty()) {
                if (q.day().given()) {
                    String all = everywhere(kind);
                    if (p.stateAt(now).phase() == ProgrammeState.Phase.OVER) {
                        return "Programmet er over." + (all.isEmpty() ? " " + runs() : all);
                    }
                    return notADay(q.day()) + (all.isEmpty() ? " " + runs() : all);
                }
                String all = everywhere(kind).strip();
                return all.isEmpty() ? "Det står ingen " + label(kind) + " i programmet." : all;
            }
            List<Session> slots = p.sessions(day.getAsInt()).stream().filter(s -> s.kind() == kind).toList();
            if (slots.isEmpty()) {
                return "Det står ingen " + label(kind) + " i programmet" + relative(day.getAsInt(), false) + "." + everywhere(kind);
            }
            if (slots.size() > 1 || q.plural()) {
                List<String> spans = slots.stream().map(s -> "kl. " + Texts.span(s.start(), s.end())).toList();
                return Texts.capitalise(plural(kind)) + relative(day.getAsInt(), false) + ": " + Texts.and(spans) + ".";
            }
            Session s = slots.get(0);
            String text = describe(s, kind, false);
            if (!q.day().given() && !s.end().toInstant().isAfter(now)) {
                /* Today's is over: say when the next one is. */
                Optional<Session> later = p.sessions().stream()
                        .filter(x -> x.kind() == kind && x.start().toInstant().isAfter(now)).findFirst();
                text += later.map(x -> " " + Texts.capitalise(label(kind)) + relative(x.day(), false) + ": kl. "
                        + Texts.span(x.start(), x.end()) + ".").orElse("");
            }
            return text;
        }

        String meal() {
            Optional<Session> s = p.sessions().stream()
                    .filter(x -> (x.kind() == SessionKind.LUNCH || x.kind() == SessionKind.DINNER)
                            && x.end().toInstant().isAfter(now))
                    .findFirst();
            return s.map(x -> describe(x, x.kind(), false))
                    .orElse(overPrefix() + "Det står ingen flere måltider i programmet.");
        }

        /** "Lunsj i dag: kl. 11.30–12.15." / "Det er lunsj nå, til 12.15." / "Lunsj i dag var kl. ..." */
        private String describe(Session s, SessionKind kind, boolean next) {
            Instant start = s.start().toInstant();
            Instant end = s.end().toInstant();
            if (!start.isAfter(now) && end.isAfter(now)) {
                return "Det er " + label(kind) + " nå, til kl. " + Texts.time(s.end()) + "."
                        + p.nextSession(now).map(n -> " " + nextSentence(n)).orElse("");
            }
            String name = (next && kind == SessionKind.BREAK ? "Neste pause" : Texts.capitalise(label(kind)));
            if (!end.isAfter(now)) {
                return Texts.capitalise(definite(kind)) + relative(s.day(), false) + " var kl. " + Texts.span(s.start(), s.end()) + ".";
            }
            String text = name + relative(s.day(), false) + ": kl. " + Texts.span(s.start(), s.end());
            Duration until = Duration.between(now, start);
            if (until.compareTo(Duration.ofHours(12)) < 0) {
                text += " (om " + Texts.duration(until) + ")";
            }
            return text + ".";
        }

        /** " Lunsj: dag 1 (tirsdag 5. november) kl. 11.30–12.15 og dag 2 (...) kl. 11.45–12.30." or "". */
        private String everywhere(SessionKind kind) {
            List<String> parts = new ArrayList<>();
            for (int d = 1; d <= p.days(); d++) {
                List<String> spans = p.sessions(d).stream().filter(s -> s.kind() == kind)
                        .map(s -> Texts.span(s.start(), s.end())).toList();
                if (!spans.isEmpty()) {
                    parts.add(absolute(d) + " kl. " + Texts.and(spans));
                }
            }
            if (parts.isEmpty()) {
                return "";
            }
            String name = Texts.capitalise(kind == SessionKind.BREAK ? plural(kind) : label(kind));
            return " " + name + ": " + (parts.size() > 2 ? String.join("; ", parts) : String.join(parts.size() == 2
                    && parts.get(0).contains(" og ") ? "; " : " og ", parts)) + ".";
        }

        private Optional<Session> slotOf(SessionKind kind, DaySpec spec) {
            OptionalInt day = spec.given() ? resolve(spec) : currentDay();
            if (day.isPresent()) {
                Optional<Session> onDay = p.sessions(day.getAsInt()).stream().filter(s -> s.kind() == kind)
                        .filter(s -> spec.given() || s.end().toInstant().isAfter(now)).findFirst();
                if (onDay.isPresent() || spec.given()) {
                    return onDay.or(() -> p.sessions(day.getAsInt()).stream().filter(s -> s.kind() == kind).findFirst());
                }
            }
            return p.sessions().stream().filter(s -> s.kind() == kind && s.end().toInstant().isAfter(now)).findFirst()
                    .or(() -> p.sessions().stream().filter(s -> s.kind() == kind).findFirst());
        }

        private String noneOf(SessionKind kind, DaySpec spec) {
            OptionalInt day = resolve(spec);
            return "Det står ingen " + label(kind) + " i programmet"
                    + (spec.given() && day.isPresent() ? relative(day.getAsInt(), false) : "") + ".";
        }

        /* ---- when is a reflection prompt ---- */

        String whenPrompt(DaySpec spec) {
            if (p.prompts().isEmpty()) {
                return "Det står ingen refleksjonsoppgaver i programmet.";
            }
            if (spec.given()) {
                OptionalInt day = resolve(spec);
                if (day.isEmpty()) {
                    return noProgramme(spec);
                }
                List<Prompt> prompts = p.prompts(day.getAsInt());
                if (prompts.isEmpty()) {
                    return "Det står ingen refleksjonsoppgaver i programmet" + relative(day.getAsInt(), false) + ".";
                }
                List<String> lines = new ArrayList<>();
                lines.add("Refleksjonsoppgaver" + relative(day.getAsInt(), false) + ":");
                prompts.forEach(x -> lines.add(Texts.span(x.opens(), x.closes()) + "  " + x.number() + ". " + x.title()));
                return String.join("\n", lines);
            }
            Optional<Prompt> open = p.prompts().stream()
                    .filter(x -> !x.opens().toInstant().isAfter(now) && x.closes().toInstant().isAfter(now))
                    .reduce((a, b) -> b);
            Optional<Prompt> next = p.prompts().stream().filter(x -> x.opens().toInstant().isAfter(now))
                    .min((a, b) -> a.opens().compareTo(b.opens()));
            StringBuilder out = new StringBuilder();
            open.ifPresent(x -> out.append("Refleksjonsoppgave ").append(x.number()).append(" «").append(x.title())
                    .append("» er åpen nå, til kl. ").append(Texts.time(x.closes()))
                    .append(". Svar med /refleksjon <svaret ditt>."));
            if (next.isPresent()) {
                Prompt x = next.get();
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append("Neste refleksjonsoppgave: ").append(x.number()).append(" «").append(x.title()).append("»,")
                        .append(relative(p.dayOf(x), false)).append(" kl. ").append(Texts.span(x.opens(), x.closes())).append('.');
            } else if (open.isEmpty()) {
                out.append("Det er ingen flere refleksjonsoppgaver i programmet. Du kan fortsatt svare på den siste med /refleksjon <svaret ditt>.");
            }
            return out.toString();
        }

        /* ---- when is a session ---- */

        String whenTitle(Query q) {
            List<Session> sessions = q.titles();
            if (q.day().given()) {
                OptionalInt day = resolve(q.day());
                List<Session> onDay = sessions.stream().filter(s -> day.isPresent() && s.day() == day.getAsInt()).toList();
                if (!onDay.isEmpty()) {
                    sessions = onDay;
                }
            }
            List<String> lines = new ArrayList<>();
            for (Session s : sessions) {
                String state = "";
                if (!s.start().toInstant().isAfter(now) && s.end().toInstant().isAfter(now)) {
                    state = " (pågår nå)";
                } else if (!s.end().toInstant().isAfter(now)) {
                    state = " (ferdig)";
                }
                lines.add("«" + s.title() + "»:" + relative(s.day(), false) + " kl. " + Texts.span(s.start(), s.end()) + state + ".");
            }
            return String.join("\n", lines);
        }

        /* ---- start and end of the day ---- */

        String dayStart(DaySpec spec) {
            if (spec.given()) {
                OptionalInt day = resolve(spec);
                if (day.isEmpty()) {
                    return noProgramme(spec);
                }
                Session first = p.sessions(day.getAsInt()).get(0);
                boolean started = !first.start().toInstant().isAfter(now);
                return Texts.capitalise(relative(day.getAsInt(), false).strip()) + (started ? " startet" : " starter")
                        + " vi kl. " + Texts.time(first.start()) + " med " + first.title() + ".";
            }
            OptionalInt today = currentDay();
            if (today.isPresent()) {
                Session first = p.sessions(today.getAsInt()).get(0);
                if (first.start().toInstant().isAfter(now)) {
                    return "I dag starter vi kl. " + Texts.time(first.start()) + " med " + first.title() + ".";
                }
                String text = "I dag startet vi kl. " + Texts.time(first.start()) + ".";
                int tomorrow = today.getAsInt() + 1;
                if (tomorrow <= p.days()) {
                    Session nextFirst = p.sessions(tomorrow).get(0);
                    text += " " + Texts.capitalise(relative(tomorrow, false).strip()) + " starter vi kl. "
                            + Texts.time(nextFirst.start()) + " med " + nextFirst.title() + ".";
                }
                return text;
            }
            Optional<Session> next = p.nextSession(now);
            if (next.isEmpty()) {
                return "Programmet er over. " + runs();
            }
            int day = next.get().day();
            Session first = p.sessions(day).get(0);
            String who = day == 1 ? "Programmet starter " : "Dag " + day + " starter ";
            return who + Texts.dateWithoutYear(date(day)) + " kl. " + Texts.time(first.start()) + " med " + first.title() + ".";
        }

        String dayEnd(DaySpec spec) {
            OptionalInt day = spec.given() ? resolve(spec) : currentDay();
            if (day.isEmpty()) {
                if (spec.given()) {
                    return noProgramme(spec);
                }
                List<String> parts = new ArrayList<>();
                for (int d = 1; d <= p.days(); d++) {
                    parts.add(absolute(d) + " kl. " + Texts.time(programmeEnd(d)));
                }
                return "Det faglige programmet slutter " + Texts.and(parts) + ".";
            }
            int d = day.getAsInt();
            ZonedDateTime end = programmeEnd(d);
            boolean over = !end.toInstant().isAfter(now);
            String text = Texts.capitalise(relative(d, false).strip()) + (over ? " sluttet" : " slutter")
                    + " det faglige programmet kl. " + Texts.time(end) + ".";
            Optional<Session> dinner = p.sessions(d).stream().filter(s -> s.kind() == SessionKind.DINNER).findFirst();
            if (dinner.isPresent()) {
                text += " Middag kl. " + Texts.time(dinner.get().start()) + ".";
            }
            return text;
        }

        /** The end of the day's programme without dinner ("16.00 Faglig program slutt"). */
        private ZonedDateTime programmeEnd(int day) {
            List<Session> slots = p.sessions(day);
            return slots.stream().filter(s -> s.kind() != SessionKind.DINNER).reduce((a, b) -> b)
                    .orElse(slots.get(slots.size() - 1)).end();
        }

        /* ---- days ---- */

        /** The programme day going on now, else the next (or last) one on today's date. */
        OptionalInt currentDay() {
            for (int d = 1; d <= p.days(); d++) {
                List<Session> slots = p.sessions(d);
                if (slots.isEmpty()) {
                    continue;
                }
                if (!slots.get(0).start().toInstant().isAfter(now) && slots.get(slots.size() - 1).end().toInstant().isAfter(now)) {
                    return OptionalInt.of(d);
                }
            }
            int last = -1;
            for (int d = 1; d <= p.days(); d++) {
                if (!date(d).equals(today)) {
                    continue;
                }
                if (p.sessions(d).get(0).start().toInstant().isAfter(now)) {
                    return OptionalInt.of(d);
                }
                last = d;
            }
            return last > 0 ? OptionalInt.of(last) : OptionalInt.empty();
        }

        OptionalInt resolve(DaySpec spec) {
            OptionalInt current = currentDay();
            return switch (spec.kind()) {
                case NONE, TODAY -> current;
                case TOMORROW -> {
                    if (current.isPresent() && current.getAsInt() < p.days()
                            && !date(current.getAsInt() + 1).isAfter(today.plusDays(1))) {
                        yield OptionalInt.of(current.getAsInt() + 1);
                    }
                    yield dayOn(today.plusDays(1));
                }
                case YESTERDAY -> {
                    if (current.isPresent() && current.getAsInt() > 1
                            && !date(current.getAsInt() - 1).isBefore(today.minusDays(1))) {
                        yield OptionalInt.of(current.getAsInt() - 1);
                    }
                    yield dayOn(today.minusDays(1));
                }
                case DAY -> spec.value() >= 1 && spec.value() <= p.days() ? OptionalInt.of(spec.value()) : OptionalInt.empty();
                case WEEKDAY -> {
                    for (int d = 1; d <= p.days(); d++) {
                        if (date(d).getDayOfWeek().getValue() == spec.value()) {
                            yield OptionalInt.of(d);
                        }
                    }
                    yield OptionalInt.empty();
                }
            };
        }

        private OptionalInt dayOn(LocalDate date) {
            for (int d = 1; d <= p.days(); d++) {
                if (date(d).equals(date)) {
                    return OptionalInt.of(d);
                }
            }
            return OptionalInt.empty();
        }

        private LocalDate date(int day) {
            return p.date(day).orElseThrow();
        }

        /**
         * " i dag", " i morgen", " i går", or " dag 2 (onsdag 6. november)"; with {@code heading}, the
         * agenda heading's form: " (i dag)" or "".
         */
        private String relative(int day, boolean heading) {
            OptionalInt current = currentDay();
            String word = null;
            if (current.isPresent() && current.getAsInt() == day) {
                word = "i dag";
            } else if (date(day).equals(today.plusDays(1))) {
                word = "i morgen";
            } else if (date(day).equals(today.minusDays(1))) {
                word = "i går";
            }
            if (heading) {
                return word == null ? "" : " (" + word + ")";
            }
            return word != null ? " " + word : " " + absolute(day);
        }

        /** "dag 2 (onsdag 6. november)". */
        private String absolute(int day) {
            return "dag " + day + " (" + Texts.dateWithoutYear(date(day)) + ")";
        }

        /** "kl. 13.00" today, "i morgen kl. 09.00", "dag 2 (onsdag 6. november) kl. 09.00". */
        private String when(ZonedDateTime t, int day) {
            OptionalInt current = currentDay();
            if (current.isPresent() && current.getAsInt() == day && t.toLocalDate().equals(today)) {
                return "kl. " + Texts.time(t);
            }
            return relative(day, false).strip() + " kl. " + Texts.time(t);
        }

        /**
         * For a day that is not a programme day: "Programmet er over. KS Folkevalgtprogram ... gikk ..."
         * after the programme, else "I morgen er det ikke program. KS Folkevalgtprogram ... går ...".
         */
        private String noProgramme(DaySpec spec) {
            if (p.stateAt(now).phase() == ProgrammeState.Phase.OVER) {
                return "Programmet er over. " + runs();
            }
            return notADay(spec) + " " + runs();
        }

        /** "Programmet er over. " after the programme, else "". */
        private String overPrefix() {
            return p.stateAt(now).phase() == ProgrammeState.Phase.OVER ? "Programmet er over. " : "";
        }

        /** "I dag er det ikke program." and the like, for a day that is not a programme day. */
        private String notADay(DaySpec spec) {
            return switch (spec.kind()) {
                case NONE, TODAY -> "I dag er det ikke program.";
                case TOMORROW -> "I morgen er det ikke program.";
                case YESTERDAY -> "I går var det ikke program.";
                case DAY -> "Programmet har " + (p.days() == 1 ? "bare én dag." : p.days() + " dager, så det er ingen dag " + spec.value() + ".");
                case WEEKDAY -> "Programmet går ikke på " + weekday(spec.value()) + ".";
            };
        }

        /** "KS Folkevalgtprogram går tirsdag 5. november (dag 1) og onsdag 6. november 2019 (dag 2)." */
        private String runs() {
            List<String> days = new ArrayList<>();
            for (int d = 1; d <= p.days(); d++) {
                days.add("dag " + d + " " + Texts.dateWithoutYear(date(d)));
            }
            boolean over = !p.sessions().get(p.sessions().size() - 1).end().toInstant().isAfter(now);
            int year = date(p.days()).getYear();
            String where = p.place().isBlank() ? "" : " i " + p.place();
            return p.title() + where + (over ? " gikk " : " går ") + Texts.and(days) + " " + year + ".";
        }

        private static String weekday(int dayOfWeek) {
            return Texts.dateWithoutYear(LocalDate.of(2024, 1, dayOfWeek)).split(" ")[0]; /* 2024-01-01 was a Monday */
        }

        private static String label(SessionKind kind) {
            return switch (kind) {
                case LUNCH -> "lunsj";
                case DINNER -> "middag";
                case BREAK -> "pause";
                case SESSION -> "økt";
            };
        }

        private static String definite(SessionKind kind) {
            return switch (kind) {
                case LUNCH -> "lunsjen";
                case DINNER -> "middagen";
                case BREAK -> "pausen";
                case SESSION -> "økta";
            };
        }

        private static String plural(SessionKind kind) {
            return switch (kind) {
                case LUNCH -> "lunsjer";
                case DINNER -> "middager";
                case BREAK -> "pauser";
                case SESSION -> "økter";
            };
        }
    }
}
