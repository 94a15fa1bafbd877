package no.folkevalgt.core.reflection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.core.port.Commands;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.PromptAnswers;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.port.TopWords;
import no.folkevalgt.core.port.WordCloudRenderer;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /refleksjon} commands: answering reflection prompts, seeing and deleting one's own
 * answers, and summaries for facilitators. Also understood without the slash ({@code refleksjon
 * <svar>}), since Teams has no slash commands. Every reply is private to the asker. Thread-safe.
 *
 * <ul>
 *   <li>{@code /refleksjon <svar>}: answers the open prompt, or when none is open the one that opened
 *       last (late answers count); {@code /refleksjon N <svar>} answers prompt N.</li>
 *   <li>{@code /refleksjon}: the open prompt and how to answer; {@code /refleksjon N}: prompt N.</li>
 *   <li>{@code /refleksjon mine}, {@code /refleksjon slett [N]}: one's own answers.</li>
 *   <li>{@code /refleksjon oppsummering [N]}: facilitators only.</li>
 * </ul>
 *
 * <pre>{@code
 * var reflections = new ReflectionCommands(store, () -> programme, facilitators, Clock.systemUTC(),
 *         new WordCounter()::top, new WordCloud());
 * Bot bot = Bot.builder().knowledgeBase(kb).commands(List.of(reflections)).unanswered(unanswered).clock(clock).build();
 * }</pre>
 *
 * <p>Retries: a platform that resends a command (Slack after 3 seconds, Teams on a timeout) would
 * store the answer twice. An adapter that has the platform's id for the message calls
 * {@link #handle(Incoming, String, String)} with it, and the store keeps the first answer only.
 * {@link #handle(Incoming, String)}, which the bot calls, passes no id.
 *
 * <p>A confirmation never quotes the answer: on a platform where the bot cannot reply privately in a
 * shared conversation (a Teams channel), quoting it would show it to the room. {@code /refleksjon mine}
 * shows one's answers.
 */
public final class ReflectionCommands implements Commands, PromptAnswers {

    /** "/refleksjon", "refleksjon", any case, then the rest. */
    private static final Pattern COMMAND = Pattern.compile("/?refleksjon(?:\\s+(.*))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern HELP = Pattern.compile("hjelp|help|\\?+");
    private static final Pattern MINE = Pattern.compile("mine|mine svar");
    private static final Pattern DELETE = Pattern.compile("slett(?:\\s+(?:oppgave\\s+)?#?(\\d{1,9}))?");
    private static final Pattern SUMMARY = Pattern.compile(
            "(?:oppsummering|oppsummer|sammendrag)(?:\\s+(?:oppgave\\s+)?#?(\\d{1,9}))?");
    /* "2 svar", "#2 svar", "2: svar", "2. svar", "2) svar" or just "2". */
    private static final Pattern NUMBERED = Pattern.compile("#?(\\d{1,9})(?:[.:)]?\\s+(.*)|[.:)]?)", Pattern.DOTALL);

    static final String NOT_STORED = "Svaret ble ikke lagret. Prøv igjen om litt.";
    static final String MAYBE_STORED = "Beklager, noe gikk galt, og jeg vet ikke sikkert om svaret ble lagret. "
            + "Skriv /refleksjon mine for å sjekke.";
    static final String STORE_DOWN = "Jeg får ikke hentet svarene akkurat nå. Prøv igjen om litt.";
    /** What to do with an answer without words, typed as a command. */
    private static final String TYPED_EXAMPLE = "Skriv svaret etter kommandoen, for eksempel: /refleksjon Mer åpenhet";
    /** The same, written in a form (a card's field, a modal). */
    private static final String FORM_EXAMPLE = "Skriv svaret med ord i feltet, og send det igjen.";
    static final String FACILITATORS_ONLY = "Beklager, oppsummeringer kan bare fasilitatorer be om. "
            + "Oppsummeringen blir lagt ut i kanalen når oppgaven lukkes.";

    /** Most answers listed by {@code /refleksjon mine}; the newest are shown. */
    static final int MAX_LISTED = 20;

    private static final Logger log = LoggerFactory.getLogger(ReflectionCommands.class);

    private final ReflectionStore store;
    private final Supplier<Programme> programme;
    private final Facilitators facilitators;
    private final Clock clock;
    private final ReflectionSummaries summaries;

    /**
     * @param store        where answers are kept
     * @param programme    the current programme (asked on every command, so a reloaded one is seen)
     * @param facilitators who may see summaries
     * @param clock        decides which prompt is open
     * @param topWords     counts words for summaries, e.g. {@code new WordCounter()::top}
     * @param cloud        draws the word cloud, e.g. {@code new WordCloud()}
     */
    public ReflectionCommands(ReflectionStore store, Supplier<Programme> programme, Facilitators facilitators,
                              Clock clock, TopWords topWords, WordCloudRenderer cloud) {
        this.store = Objects.requireNonNull(store, "store");
        this.programme = Objects.requireNonNull(programme, "programme");
        this.facilitators = Objects.requireNonNull(facilitators, "facilitators");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.summaries = new ReflectionSummaries(store, programme, topWords, cloud);
    }

    /** The same with a programme that does not change. */
    public ReflectionCommands(ReflectionStore store, Programme programme, Facilitators facilitators, Clock clock,
                              TopWords topWords, WordCloudRenderer cloud) {
        this(store, ReflectionSummaries.constant(programme), facilitators, clock, topWords, cloud);
    }

    @Override
    public Optional<Reply> handle(Incoming incoming, String text) {
        return handle(incoming, text, null);
    }

    /**
     * Answers a {@code /refleksjon} command.
     *
     * @param requestId the platform's id for this message (a Slack event id, a Teams activity id), so
     *                  that a platform's retry stores nothing twice; null when there is none
     * @return empty when the text is not a {@code /refleksjon} command
     */
    @Override
    public Optional<Reply> handle(Incoming incoming, String text, String requestId) {
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(text, "text");
        Matcher command = COMMAND.matcher(text.strip());
        if (!command.matches()) {
            return Optional.empty();
        }
        String argument = command.group(1) == null ? "" : command.group(1).strip();
        return Optional.of(dispatch(incoming, argument, requestId));
    }

    @Override
    public List<String> help() {
        return List.of(
                "/refleksjon <svar> – svar på refleksjonsoppgaven (/refleksjon 2 <svar> for oppgave 2)",
                "/refleksjon – se oppgaven som er åpen, og hvordan du svarer",
                "/refleksjon mine – se svarene dine; /refleksjon slett [N] – slett dem",
                "/refleksjon oppsummering [N] – antall svar, mest brukte ord og ordsky (for fasilitatorer)");
    }

    private Reply dispatch(Incoming incoming, String argument, String requestId) {
        Programme current = programme.get();
        Instant now = clock.instant();
        String lower = argument.toLowerCase(Locale.ROOT);
        if (argument.isEmpty()) {
            return status(current, now);
        }
        if (HELP.matcher(lower).matches()) {
            return Reply.privateText("Slik svarer du på refleksjonsoppgavene:\n• " + String.join("\n• ", help()));
        }
        if (MINE.matcher(lower).matches()) {
            return mine(incoming, current, now);
        }
        Matcher delete = DELETE.matcher(lower);
        if (delete.matches()) {
            return delete(incoming, current, delete.group(1));
        }
        Matcher summary = SUMMARY.matcher(lower);
        if (summary.matches()) {
            return summary(incoming, current, now, summary.group(1));
        }
        Matcher numbered = NUMBERED.matcher(argument);
        if (numbered.matches()) {
            Optional<Prompt> prompt = number(numbered.group(1)).flatMap(current::prompt);
            if (prompt.isEmpty()) {
                return Reply.privateText(unknownPrompt(numbered.group(1), current) + " Svaret ble ikke lagret.");
            }
            String answer = numbered.group(2) == null ? "" : numbered.group(2).strip();
            if (answer.isEmpty()) {
                return show(prompt.get(), now);
            }
            if (!PromptTimes.hasOpened(prompt.get(), now)) {
                return notOpened(prompt.get(), now);
            }
            return answer(incoming, prompt.get(), answer, now, requestId, false, TYPED_EXAMPLE).reply();
        }
        Optional<Prompt> prompt = current.promptFor(now);
        if (prompt.isEmpty()) {
            return Reply.privateText(noneOpened(current, now, "Ingen refleksjonsoppgave har åpnet ennå, så svaret ble ikke lagret."));
        }
        boolean over = !current.sessions().isEmpty()
                && current.stateAt(now).phase() == no.folkevalgt.core.programme.ProgrammeState.Phase.OVER;
        return answer(incoming, prompt.get(), argument, now, requestId, over, TYPED_EXAMPLE).reply();
    }

    @Override
    public Outcome answerPrompt(Incoming incoming, int number, String requestId) {
        Objects.requireNonNull(incoming, "incoming");
        Programme current = programme.get();
        Instant now = clock.instant();
        Optional<Prompt> prompt = current.prompt(number);
        if (prompt.isEmpty()) {
            return Outcome.notStored(unknownPrompt(Integer.toString(number), current) + " Svaret ble ikke lagret.");
        }
        if (!PromptTimes.hasOpened(prompt.get(), now)) {
            return new Outcome(false, notOpened(prompt.get(), now));
        }
        return answer(incoming, prompt.get(), incoming.text().strip(), now, requestId, false, FORM_EXAMPLE);
    }

    @Override
    public Optional<String> promptTitle(int number) {
        return programme.get().prompt(number).map(Prompt::title);
    }

    private static Reply notOpened(Prompt prompt, Instant now) {
        return Reply.privateText("Refleksjonsoppgave " + prompt.number() + " åpner ikke før "
                + PromptTimes.when(prompt.opens(), now) + ", så svaret ble ikke lagret.");
    }

    /**
     * @param afterTheProgramme a bare answer given after the programme is over, filed under the last
     *                          prompt: the reply says so
     * @param howToWrite        what to do when the answer has no words, for the way it was given
     */
    private Outcome answer(Incoming incoming, Prompt prompt, String answer, Instant now, String requestId,
                           boolean afterTheProgramme, String howToWrite) {
        if (answer.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Outcome.notStored("Jeg fant ingen ord i svaret, så ingenting ble lagret. " + howToWrite);
        }
        if (answer.length() > ReflectionAnswer.MAX_LENGTH) {
            return Outcome.notStored("Svaret er for langt (" + answer.length() + " tegn), så det ble ikke lagret. "
                    + "Skriv det kortere, med høyst " + ReflectionAnswer.MAX_LENGTH + " tegn.");
        }
        /* A word limit is the prompt's wish ("skriv inntil fem ord"), not a reason to lose an answer: it is
           stored whole, and the word cloud counts its first words, as Mentimeter's clouds do. */
        int words = words(answer);
        try {
            store.add(prompt.number(), incoming.platform(), incoming.user(), answer, now, requestId);
        } catch (StoreUnavailable e) {
            log.warn("An answer to prompt {} was not stored: {}", prompt.number(), e.getMessage());
            return Outcome.notStored(NOT_STORED);
        } catch (RuntimeException e) {
            log.error("Storing an answer to prompt {} failed", prompt.number(), e);
            return Outcome.notStored(MAYBE_STORED);
        }
        /* Built only after add() returned: the answer is committed before anyone is told so. */
        List<String> blocks = new ArrayList<>();
        blocks.add("Takk! Svaret ditt på «" + prompt.title() + "» er lagret.");
        if (afterTheProgramme) {
            blocks.add("Programmet er over, men svaret ditt er lagret under den siste refleksjonsoppgaven, «"
                    + prompt.title() + "» (oppgave " + prompt.number() + "). Svar på en annen oppgave med /refleksjon <nummer> <svaret ditt>.");
        } else if (!PromptTimes.isOpen(prompt, now)) {
            blocks.add("Oppgaven er lukket, men svaret ditt teller med.");
        }
        if (prompt.maxWords() > 0 && words > prompt.maxWords()) {
            blocks.add("Oppgaven ber om høyst " + prompt.maxWords() + " ord, og svaret ditt har " + words
                    + ". Hele svaret er lagret, og ordskyen teller alle ordene.");
        }
        blocks.add((prompt.anonymous() ? "Svaret er anonymt: ingen ser hvem som skrev det. " : "")
                + "Se svarene dine med /refleksjon mine.");
        return new Outcome(true, Reply.privateText(blocks.toArray(String[]::new)));
    }

    private Reply status(Programme current, Instant now) {
        Optional<Prompt> prompt = current.promptFor(now);
        if (prompt.isEmpty()) {
            return Reply.privateText(noneOpened(current, now, "Ingen refleksjonsoppgave har åpnet ennå."));
        }
        if (PromptTimes.isOpen(prompt.get(), now)) {
            return show(prompt.get(), now);
        }
        Prompt last = prompt.get();
        List<String> blocks = new ArrayList<>();
        blocks.add("Ingen refleksjonsoppgave er åpen nå. Den siste var oppgave " + last.number() + ": «"
                + last.title() + "» (lukket " + PromptTimes.when(last.closes(), now) + ").");
        blocks.add("Du kan fortsatt svare på den: /refleksjon <svaret ditt>" + limits(last));
        PromptTimes.next(current, now).ifPresent(next ->
                blocks.add("Neste oppgave åpner " + PromptTimes.when(next.opens(), now) + "."));
        return Reply.privateText(blocks.toArray(String[]::new));
    }

    /** One prompt and how to answer it; a prompt that has not opened is not shown before its time. */
    private Reply show(Prompt prompt, Instant now) {
        if (!PromptTimes.hasOpened(prompt, now)) {
            return Reply.privateText("Refleksjonsoppgave " + prompt.number() + " åpner "
                    + PromptTimes.when(prompt.opens(), now) + ".");
        }
        boolean open = PromptTimes.isOpen(prompt, now);
        List<String> blocks = new ArrayList<>();
        blocks.add("Refleksjonsoppgave " + prompt.number() + ": «" + prompt.title() + "»"
                + (open ? " (åpen til " + PromptTimes.when(prompt.closes(), now) + ")"
                : " (lukket " + PromptTimes.when(prompt.closes(), now) + ", men svar teller fortsatt)"));
        if (!prompt.text().isBlank() && !prompt.text().strip().equals(prompt.title().strip())) {
            blocks.add(prompt.text().strip());
        }
        blocks.add("Svar med /refleksjon " + (open ? "" : prompt.number() + " ") + "<svaret ditt>" + limits(prompt));
        blocks.add(prompt.anonymous() ? "Svarene er anonyme: ingen, heller ikke fasilitatorene, ser hvem som svarte."
                : "Svarene er ikke anonyme: fasilitatorene kan se hvem som svarte.");
        return Reply.privateText(blocks.toArray(String[]::new));
    }

    private Reply mine(Incoming incoming, Programme current, Instant now) {
        List<ReflectionAnswer> answers;
        try {
            answers = store.byUser(incoming.platform(), incoming.user());
        } catch (StoreUnavailable e) {
            log.warn("Could not list a user's answers: {}", e.getMessage());
            return Reply.privateText(STORE_DOWN);
        }
        if (answers.isEmpty()) {
            return Reply.privateText("Du har ingen lagrede svar. Svar på en refleksjonsoppgave med /refleksjon <svaret ditt>.");
        }
        List<String> blocks = new ArrayList<>();
        blocks.add("Dine svar (" + answers.size() + "):");
        int skip = Math.max(0, answers.size() - MAX_LISTED);
        if (skip > 0) {
            blocks.add("… " + skip + " eldre svar er ikke vist.");
        }
        for (ReflectionAnswer answer : answers.subList(skip, answers.size())) {
            String title = current.prompt(answer.prompt()).map(p -> " «" + p.title() + "»").orElse("");
            String when = PromptTimes.when(answer.at().atZone(current.zone()), now);
            blocks.add("Oppgave " + answer.prompt() + title + ", " + when + ": «" + answer.text() + "»");
        }
        blocks.add("Slett alle med /refleksjon slett, eller svarene på én oppgave med /refleksjon slett N.");
        return Reply.privateText(blocks.toArray(String[]::new));
    }

    private Reply delete(Incoming incoming, Programme current, String number) {
        int prompt = 0;
        if (number != null) {
            Optional<Integer> n = number(number).filter(i -> i >= 1);
            if (n.isEmpty()) {
                return Reply.privateText(unknownPrompt(number, current) + " Ingenting ble slettet.");
            }
            prompt = n.get();
        }
        int deleted;
        try {
            deleted = store.delete(incoming.platform(), incoming.user(), prompt);
        } catch (StoreUnavailable e) {
            log.warn("Could not delete a user's answers: {}", e.getMessage());
            return Reply.privateText("Svarene ble ikke slettet. Prøv igjen om litt.");
        }
        String which = prompt == 0 ? "" : " på oppgave " + prompt
                + current.prompt(prompt).map(p -> " «" + p.title() + "»").orElse("");
        if (deleted == 0) {
            return Reply.privateText("Du hadde ingen svar" + which + " å slette.");
        }
        return Reply.privateText("Slettet " + deleted + " svar" + which + ".");
    }

    private Reply summary(Incoming incoming, Programme current, Instant now, String number) {
        if (!facilitators.includes(incoming)) {
            return Reply.privateText(FACILITATORS_ONLY);
        }
        Optional<Prompt> prompt;
        if (number != null) {
            prompt = number(number).flatMap(current::prompt);
            if (prompt.isEmpty()) {
                return Reply.privateText(unknownPrompt(number, current));
            }
        } else {
            prompt = current.promptFor(now);
            if (prompt.isEmpty()) {
                return Reply.privateText(noneOpened(current, now, "Ingen refleksjonsoppgave har åpnet ennå."));
            }
        }
        try {
            return summaries.forFacilitator(prompt.get());
        } catch (StoreUnavailable e) {
            log.warn("Could not read the answers for a summary: {}", e.getMessage());
            return Reply.privateText(STORE_DOWN);
        }
    }

    private static String noneOpened(Programme current, Instant now, String first) {
        Optional<Prompt> next = PromptTimes.next(current, now);
        if (current.prompts().isEmpty() || next.isEmpty()) {
            return "Programmet har ingen refleksjonsoppgaver.";
        }
        return first + " Den første åpner " + PromptTimes.when(next.get().opens(), now) + ".";
    }

    private static String unknownPrompt(String number, Programme current) {
        int count = current.prompts().size();
        String range = switch (count) {
            case 0 -> "Programmet har ingen refleksjonsoppgaver.";
            case 1 -> "Programmet har bare oppgave 1.";
            default -> "Oppgavene er nummerert 1–" + count + ".";
        };
        return "Det finnes ingen refleksjonsoppgave " + number.replaceFirst("^0+(?=\\d)", "") + ". " + range;
    }

    private static String limits(Prompt prompt) {
        return prompt.maxWords() > 0 ? " (høyst " + prompt.maxWords() + " ord)." : ".";
    }

    private static Optional<Integer> number(String digits) {
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Words as a person counts them: runs separated by spaces that hold a letter or digit ("e-post" is one). */
    static int words(String answer) {
        int count = 0;
        for (String part : answer.strip().split("\\s+")) {
            if (part.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }
}
