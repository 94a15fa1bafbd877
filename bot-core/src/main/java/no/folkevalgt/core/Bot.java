package no.folkevalgt.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import no.folkevalgt.core.dialogue.FollowUp;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Commands;
import no.folkevalgt.core.port.DialogueMemory;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.PromptAnswers;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.core.teaching.Lessons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: turns what a user wrote into a reply. Platform-neutral, synchronous and thread-safe;
 * never throws for anything a user can type.
 *
 * <pre>{@code
 * Bot bot = Bot.builder().knowledgeBase(knowledgeBase).build();
 * Reply reply = bot.handle(Incoming.local("Hvordan får jeg en sak på saklista?"));
 * }</pre>
 */
public final class Bot {

    /** Longest question the bot searches for, in characters. */
    public static final int MAX_QUESTION_LENGTH = 1000;

    /** Questions the bundled material answers, shown in help and hints. */
    public static final List<String> DEFAULT_EXAMPLES = List.of(
            "Hvordan får jeg en sak på saklista?",
            "Hva er deltakelsestrappa?",
            "Hva kan ordføreren gjøre i hastesaker?",
            "Hvor kommer kommunens inntekter fra?",
            "Hva er gode råd for budsjettprosessen?");

    /** Most topics listed in a hint; the rest are summed up as "og mer". */
    static final int MAX_TOPICS = 10;

    static final String NOT_FOUND = "Det finner jeg ikke i programmaterialet.";
    /* A facilitator marked the question as not answered by the material. */
    static final String NOT_IN_MATERIAL = "Det står ikke i programmaterialet.";
    static final String UNSURE = "Jeg er ikke helt sikker, men dette kan være det du lurer på:";
    static final String REPHRASE = "Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.";
    /** Most lines of a slide shown under a suggestion, and most characters. */
    static final int MAX_EXCERPT_LINES = 2;
    static final int MAX_EXCERPT = 300;
    /** How long a conversation's last question is remembered for a follow-up. */
    public static final java.time.Duration MEMORY = java.time.Duration.ofMinutes(5);
    /** Most passages "si mer" looks through for ones not shown yet. */
    static final int MORE_POOL = 10;
    static final String NOTHING_BEFORE = "Hva vil du vite mer om? Still et spørsmål først, så kan du skrive «si mer» etterpå.";
    static final String NO_MORE = "Jeg har ikke mer om dette i programmaterialet. Still gjerne et nytt spørsmål.";
    static final String NO_MORE_UNSURE = "Forslagene jeg ga, er det nærmeste jeg fant i programmaterialet. "
            + "Skriv gjerne spørsmålet på en annen måte.";
    /* After a decline that listed the topics, a follow-up's decline does not list them again. */
    static final String NOT_FOUND_AGAIN = "Skriv «hjelp» for å se hva jeg kan svare på.";
    static final String LANGUAGE = "Svarene er lysbildenes egen tekst, og lysbildene er på bokmål. "
            + "Du kan gjerne spørre på nynorsk, jeg forstår begge målformene.";
    /** Longest topic shown in "(om: …)", in characters. */
    static final int MAX_TOPIC_SHOWN = 80;
    static final String FAILURE = "Beklager, noe gikk galt da jeg søkte i programmaterialet. Prøv igjen om litt.";

    private static final Logger log = LoggerFactory.getLogger(Bot.class);
    private static final Pattern HELP = Pattern.compile("/?(hjelp|help)[\\s.!?]*|\\?+");
    /* The reflection commands' own pattern, loosely: these spend the answer budget, not the question one. */

    private final KnowledgeBase knowledgeBase;
    private final int top;
    private final List<String> examples;
    private final List<Command> commands = new ArrayList<>();
    private final List<Commands> groups;
    private final UnansweredStore unanswered;
    private final java.time.Clock clock;
    private final RateLimiter limiter;
    private final DialogueMemory memory;
    private final Lessons lessons;

    private Bot(Builder b) {
        this.knowledgeBase = b.knowledgeBase;
        this.top = b.top;
        this.examples = b.examples;
        this.groups = b.commands;
        this.unanswered = b.unanswered;
        this.clock = b.clock;
        this.limiter = b.limiter;
        this.memory = b.memory;
        this.lessons = b.lessons;
        command(HELP, text -> new Outcome(help(), Optional.empty()));
    }

    /**
     * A bot to build. Only the knowledge base is required; the rest defaults to a bot that shows the
     * best answer and up to two "Se også" slides, with {@link #DEFAULT_EXAMPLES}, no commands, no
     * records of unanswered questions, no rate limits, no conversation memory and nothing taught, on
     * the system clock.
     *
     * <pre>{@code
     * Bot bot = Bot.builder()
     *         .knowledgeBase(kb)
     *         .commands(List.of(programmeCommands, reflectionCommands))
     *         .unanswered(unanswered)
     *         .clock(clock)
     *         .rateLimiter(RateLimiter.defaults(Clock.systemUTC()))
     *         .memory(new CachedDialogueMemory(new JdbcDialogueMemory(database)))
     *         .lessons(new Lessons(new JdbcLessonStore(database), kb, clock))
     *         .build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Bot}; see {@link Bot#builder()}. Not thread-safe; the bot it builds is. */
    public static final class Builder {

        private KnowledgeBase knowledgeBase;
        private int top = 3;
        private List<String> examples = DEFAULT_EXAMPLES;
        private List<Commands> commands = List.of();
        private UnansweredStore unanswered;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private RateLimiter limiter;
        private DialogueMemory memory;
        private Lessons lessons;

        private Builder() {
        }

        /** Required: where questions are searched. */
        public Builder knowledgeBase(KnowledgeBase knowledgeBase) {
            this.knowledgeBase = knowledgeBase;
            return this;
        }

        /**
         * How many passages to ask the knowledge base for: the answer, then "Se også" (at most two);
         * 1 or more, default 3.
         */
        public Builder top(int top) {
            this.top = top;
            return this;
        }

        /** Example questions for help and hints; at least one. Default {@link Bot#DEFAULT_EXAMPLES}. */
        public Builder examples(List<String> examples) {
            this.examples = examples;
            return this;
        }

        /** Command groups, tried in order before a message is searched as a question. Default none. */
        public Builder commands(List<? extends Commands> commands) {
            this.commands = commands == null ? null : List.copyOf(commands);
            return this;
        }

        /** Where declined and unsure questions are recorded for facilitators. Default: not recorded. */
        public Builder unanswered(UnansweredStore unanswered) {
            this.unanswered = unanswered;
            return this;
        }

        /** Time for the records and the conversation memory. Default {@link java.time.Clock#systemUTC()}. */
        public Builder clock(java.time.Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Per-user rate limiting: a message beyond the user's budget gets {@link RateLimiter#MESSAGE}
         * and is neither searched nor stored. Default: no limits.
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        /**
         * A conversation memory: a short follow-up within {@link Bot#MEMORY} ("hvem avgjør det?", "si mer")
         * is read together with the conversation's last question. Without one (the command line's
         * {@code ask}, the default) every message stands alone.
         */
        public Builder memory(DialogueMemory memory) {
            this.memory = memory;
            return this;
        }

        /**
         * What facilitators taught: a question like a taught one gets the slide the facilitator linked
         * it to as a sure answer, or the facilitator's "ikke i materialet" reply, and is not put on the
         * gap list again. Default: nothing taught.
         */
        public Builder lessons(Lessons lessons) {
            this.lessons = lessons;
            return this;
        }

        /**
         * The bot.
         *
         * @throws NullPointerException     when the knowledge base, the examples, the commands or the clock is missing
         * @throws IllegalArgumentException when top is below 1 or there are no examples
         */
        public Bot build() {
            Objects.requireNonNull(knowledgeBase, "knowledgeBase is required: give Bot.builder().knowledgeBase(kb)");
            Objects.requireNonNull(clock, "clock is null; leave it unset for the system clock");
            Objects.requireNonNull(examples, "examples is null; leave it unset for Bot.DEFAULT_EXAMPLES");
            Objects.requireNonNull(commands, "commands is null; leave it unset for none");
            if (top < 1) {
                throw new IllegalArgumentException("top must be 1 or more but was " + top);
            }
            examples = List.copyOf(examples);
            if (examples.isEmpty()) {
                throw new IllegalArgumentException("examples is empty; give at least one example question");
            }
            return new Bot(this);
        }
    }

    /** Answers one message. */
    public Reply handle(Incoming incoming) {
        return respond(incoming).reply();
    }

    /**
     * Answers one message and tells what the knowledge base found, for callers that show more than
     * the reply (the command line's JSON output).
     */
    public Outcome respond(Incoming incoming) {
        return respond(incoming, null);
    }

    /**
     * Answers one message that the platform identifies: a retry of the same {@code requestId} stores
     * nothing twice (a reflection answer is kept once).
     *
     * @param requestId the platform's id for the message, or null when it has none
     */
    public Outcome respond(Incoming incoming, String requestId) {
        Objects.requireNonNull(incoming, "incoming");
        String text = InputText.clean(incoming.text());
        if (text.isEmpty()) {
            return Outcome.of(Reply.privateText("Skriv et spørsmål om folkevalgtprogrammet, for eksempel «"
                    + examples.get(0) + "». Skriv «hjelp» for å se hva jeg kan."));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (limiter != null) {
            RateLimiter.Kind kind = RateLimiter.kindOf(text);
            if (!limiter.tryAcquire(kind, incoming.platform(), incoming.user())) {
                log.debug("A {} message on {} was over the user's rate limit", kind, incoming.platform());
                return Outcome.of(Reply.privateText(RateLimiter.MESSAGE));
            }
        }
        for (Command command : commands) {
            if (command.pattern().matcher(lower).matches()) {
                return command.handler().apply(text);
            }
        }
        for (Commands group : groups) {
            Optional<Reply> reply;
            try {
                reply = group.handle(incoming, text, requestId);
            } catch (RuntimeException e) {
                log.error("Command group {} failed on a message of {} characters", group.getClass().getSimpleName(),
                        text.length(), e);
                return Outcome.of(Reply.privateText("Beklager, noe gikk galt. Prøv igjen om litt."));
            }
            if (reply.isPresent()) {
                return Outcome.of(reply.get());
            }
        }
        int length = InputText.length(text);
        if (length > MAX_QUESTION_LENGTH) {
            return Outcome.of(Reply.privateText("Spørsmålet er for langt (" + length + " tegn). Skriv det kortere, med høyst "
                    + MAX_QUESTION_LENGTH + " tegn."));
        }
        if (!InputText.hasWords(text)) {
            return Outcome.of(Reply.privateText("Jeg fant ingen ord i meldingen. Skriv spørsmålet med ord, for eksempel «"
                    + examples.get(0) + "»."));
        }
        String key = memory == null ? null : DialogueMemory.keyOf(incoming);
        DialogueMemory.Turn previous = key == null ? null : recall(key);
        String recordAs = text;
        Outcome outcome;
        switch (FollowUp.classify(text, previous != null)) {
            case MORE -> outcome = previous == null ? Outcome.of(Reply.privateText(NOTHING_BEFORE)) : more(key, previous);
            case LANGUAGE -> outcome = Outcome.of(context(Reply.builder(), previous).text(LANGUAGE).ephemeral(true).build());
            case CONTEXT -> {
                recordAs = text + " (om: " + previous.topic() + ")";
                if (Answer.Outcome.NONE.name().equals(previous.outcome()) && FollowUp.ownWords(text) <= 1) {
                    /* It points back at something the material does not have: searching its few words alone finds an unrelated slide. */
                    outcome = new Outcome(context(Reply.builder(), previous).text(NOT_FOUND, NOT_FOUND_AGAIN)
                            .ephemeral(true).build(), Optional.of(Answer.declined(text)));
                } else if (FollowUp.replacesSubject(text)) {
                    outcome = newSubject(key, text, previous);
                } else {
                    String query = FollowUp.combine(text, previous.topic());
                    outcome = onTopicsSlide(ask(query, text, previous), previous);
                    remember(key, previous.topic(), query, outcome, List.of());
                }
            }
            default -> {
                outcome = ask(text, null);
                if (key != null) {
                    remember(key, text, text, outcome, List.of());
                }
            }
        }
        if (unanswered != null && outcome.answer().isPresent() && !outcome.answered()) {
            record(incoming.platform(), recordAs, outcome.answer().get());
        }
        return outcome;
    }

    /**
     * Takes a reflection answer given in a platform's form (a Teams prompt card's field, Slack's
     * "Svar" modal): {@code incoming.text()} is the answer, the prompt comes from the form. It spends
     * the answer budget of the rate limit, as {@code /refleksjon} does.
     *
     * @param requestId the platform's id for the submission; a resend with it stores nothing twice
     * @return whether it was stored, with a private reply that never quotes the answer: the
     *         confirmation, or why nothing was stored
     */
    public PromptAnswers.Outcome answerPrompt(Incoming incoming, int prompt, String requestId) {
        Objects.requireNonNull(incoming, "incoming");
        String text = InputText.clean(incoming.text());
        if (limiter != null && !limiter.tryAcquire(RateLimiter.Kind.ANSWER, incoming.platform(), incoming.user())) {
            log.debug("A form answer on {} was over the user's rate limit", incoming.platform());
            return PromptAnswers.Outcome.notStored(RateLimiter.MESSAGE);
        }
        Incoming cleaned = new Incoming(incoming.platform(), incoming.workspace(), incoming.user(), incoming.channel(),
                incoming.thread(), text);
        for (Commands group : groups) {
            if (group instanceof PromptAnswers answers) {
                try {
                    return answers.answerPrompt(cleaned, prompt, requestId);
                } catch (RuntimeException e) {
                    log.error("Taking a form answer to prompt {} failed", prompt, e);
                    return PromptAnswers.Outcome.notStored("Beklager, noe gikk galt, og svaret ble kanskje ikke lagret. "
                            + "Prøv igjen om litt.");
                }
            }
        }
        return PromptAnswers.Outcome.notStored("Refleksjonssvar tas ikke imot her. Svaret ble ikke lagret.");
    }

    /** The title of a reflection prompt, for a platform's answer form; empty when there is no such prompt. */
    public Optional<String> promptTitle(int prompt) {
        for (Commands group : groups) {
            if (group instanceof PromptAnswers answers) {
                return answers.promptTitle(prompt);
            }
        }
        return Optional.empty();
    }

    /* A memory that is away (the database) costs the follow-up its context, never the answer. */
    private DialogueMemory.Turn recall(String key) {
        try {
            return memory.recall(key, clock.instant()).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not recall the conversation's last question: {}", e.toString());
            return null;
        }
    }

    private void remember(String key, String topic, String query, Outcome outcome, List<String> shownBefore) {
        List<String> shown = new ArrayList<>(shownBefore);
        outcome.answer().ifPresent(a -> (a.answered() ? a.hits().stream().limit(3) : a.suggestions().stream())
                .map(hit -> hit.passage().id()).forEach(shown::add));
        String result = outcome.answer().map(a -> a.outcome().name()).orElse(Answer.Outcome.NONE.name());
        try {
            memory.remember(key, new DialogueMemory.Turn(topic, query, shown, result, clock.instant().plus(MEMORY)));
        } catch (RuntimeException e) {
            log.warn("Could not remember the conversation's last question: {}", e.toString());
        }
    }

    /*
     * "og varaordføreren?": the new subject alone when the material answers it; read with the topic
     * when that finds something other than the topic's own answer; otherwise what the subject alone got.
     */
    private Outcome newSubject(String key, String text, DialogueMemory.Turn previous) {
        Outcome alone = ask(text, null);
        if (!alone.answered()) {
            String query = FollowUp.combine(text, previous.topic());
            Outcome read = ask(query, text, previous);
            boolean repeats = read.answered() && !previous.shown().isEmpty()
                    && read.answer().get().hits().get(0).passage().id().equals(previous.shown().get(0));
            if (read.answered() && !repeats) {
                remember(key, previous.topic(), query, read, List.of());
                return read;
            }
        }
        remember(key, text, text, alone, List.of());
        return alone;
    }

    /*
     * A follow-up points back at the answer before it: when reading it with its topic leaves the search
     * unsure but its closest slide is the one that answered the topic, that slide answers it (its lines
     * chosen by the follow-up's own words).
     */
    private Outcome onTopicsSlide(Outcome outcome, DialogueMemory.Turn previous) {
        if (!outcome.unsure() || !Answer.Outcome.SURE.name().equals(previous.outcome()) || previous.shown().isEmpty()) {
            return outcome;
        }
        Answer unsure = outcome.answer().orElseThrow();
        if (!unsure.suggestions().get(0).passage().id().equals(previous.shown().get(0))) {
            return outcome;
        }
        Answer sure = new Answer(unsure.question(), true, unsure.suggestions(), unsure.interpretedAs());
        return new Outcome(answered(sure, previous), Optional.of(sure));
    }

    /* "si mer": the next passages for the topic that were not shown yet. */
    private Outcome more(String key, DialogueMemory.Turn previous) {
        Answer answer;
        try {
            answer = knowledgeBase.ask(previous.query(), MORE_POOL);
        } catch (RuntimeException e) {
            log.error("The knowledge base failed on a question of {} characters", previous.query().length(), e);
            return Outcome.of(Reply.privateText(FAILURE));
        }
        if (answer == null || !answer.answered()) {
            String text = answer != null && answer.outcome() == Answer.Outcome.UNSURE ? NO_MORE_UNSURE : NO_MORE;
            return Outcome.of(context(Reply.builder(), previous).text(text).ephemeral(true).build());
        }
        List<Hit> next = answer.hits().stream().filter(hit -> !previous.shown().contains(hit.passage().id()))
                .limit(3).toList();
        if (next.isEmpty()) {
            return Outcome.of(context(Reply.builder(), previous).text(NO_MORE).ephemeral(true).build());
        }
        Answer shown = new Answer(previous.query(), true, next, null);
        Outcome outcome = new Outcome(answered(shown, previous), Optional.of(shown));
        remember(key, previous.topic(), previous.query(), outcome, previous.shown());
        return outcome;
    }

    /* "(om: «…»)": says that a follow-up was read together with the conversation's topic. */
    private static Reply.Builder context(Reply.Builder reply, DialogueMemory.Turn previous) {
        if (previous != null) {
            String topic = previous.topic().strip();
            if (topic.length() > MAX_TOPIC_SHOWN) {
                int cut = topic.lastIndexOf(' ', MAX_TOPIC_SHOWN - 2);
                topic = topic.substring(0, cut < MAX_TOPIC_SHOWN / 2 ? MAX_TOPIC_SHOWN - 2 : cut).strip() + " …";
            }
            reply.text("(om: «" + topic + "»)");
        }
        return reply;
    }

    /* The gap list: a declined question, or an unsure one with the slides it was offered. */
    private void record(String platform, String question, Answer answer) {
        try {
            if (answer.outcome() == Answer.Outcome.UNSURE) {
                List<Citation> suggested = answer.suggestions().stream().map(hit -> Citation.of(hit.passage())).toList();
                unanswered.record(UnansweredStore.Unanswered.unsure(question, platform, clock.instant(), suggested));
            } else {
                unanswered.record(new UnansweredStore.Unanswered(question, platform, clock.instant()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not record an unanswered question: {}", e.toString());
        }
    }

    private void command(Pattern pattern, CommandHandler handler) {
        commands.add(new Command(pattern, handler));
    }

    private Outcome ask(String question, DialogueMemory.Turn previous) {
        return ask(question, null, previous);
    }

    /* @param focus a follow-up's own words, whose lines are shown first; null for a question that stands alone */
    private Outcome ask(String question, String focus, DialogueMemory.Turn previous) {
        if (focus == null && lessons != null) {
            Outcome taught = taught(question, previous);
            if (taught != null) {
                return taught;
            }
        }
        Answer answer;
        try {
            answer = focus == null ? knowledgeBase.ask(question, top) : knowledgeBase.ask(question, focus, top);
        } catch (RuntimeException e) {
            log.error("The knowledge base failed on a question of {} characters", question.length(), e);
            return Outcome.of(Reply.privateText(FAILURE));
        }
        if (answer == null) {
            return new Outcome(declined(question, previous), Optional.empty());
        }
        return switch (answer.outcome()) {
            case SURE -> new Outcome(answered(answer, previous), Optional.of(answer));
            case UNSURE -> new Outcome(unsure(answer, previous), Optional.of(answer));
            case NONE -> new Outcome(declined(question, previous), Optional.of(answer));
        };
    }

    /*
     * What a facilitator taught about a question like this one: the linked slide as a sure answer, or
     * the "ikke i materialet" reply (not a gap any more: no answer is recorded). Null when nothing was
     * taught, or the linked slide is gone from the material; then the question is searched.
     */
    private Outcome taught(String question, DialogueMemory.Turn previous) {
        Optional<Lesson> lesson;
        try {
            lesson = lessons.match(question);
        } catch (RuntimeException e) {
            log.warn("Could not look up the taught lessons: {}", e.toString());
            return null;
        }
        if (lesson.isEmpty()) {
            return null;
        }
        if (!lesson.get().isLink()) {
            Reply.Builder reply = context(Reply.builder(), previous).text(NOT_IN_MATERIAL);
            if (!lesson.get().reply().isEmpty()) {
                reply.text(lesson.get().reply());
            } else {
                reply.text(topicsHint());
            }
            return Outcome.of(reply.ephemeral(true).build());
        }
        Answer answer;
        try {
            answer = knowledgeBase.answerFrom(question, lesson.get().passageId(), top);
        } catch (RuntimeException e) {
            log.error("The knowledge base failed on a taught question of {} characters", question.length(), e);
            return null;
        }
        return answer == null || !answer.answered() ? null : new Outcome(answered(answer, previous), Optional.of(answer));
    }

    private static void interpretation(Answer answer, Reply.Builder reply) {
        if (answer.interpretedAs() != null && !answer.interpretedAs().isBlank()) {
            reply.text("(tolket som «" + answer.interpretedAs() + "»)");
        }
    }

    private Reply answered(Answer answer, DialogueMemory.Turn previous) {
        List<Hit> hits = answer.hits();
        Hit best = hits.get(0);
        Reply.Builder reply = context(Reply.builder(), previous);
        interpretation(answer, reply);
        String lines = String.join("\n", best.lines()).strip();
        reply.text(lines.isEmpty() ? best.passage().title() : lines);
        reply.citation(Citation.of(best.passage()));
        hits.stream().skip(1).limit(2).map(hit -> Citation.of(hit.passage())).forEach(reply::seeAlso);
        String id = best.passage().id();
        reply.action(new Reply.Action(ActionIds.FEEDBACK_UP, "👍", id));
        reply.action(new Reply.Action(ActionIds.FEEDBACK_DOWN, "👎", id));
        return reply.build();
    }

    /*
     * Private like a decline: a guess is for the one who asked, not for the channel. No feedback
     * buttons: there is no one answer to rate.
     */
    private static Reply unsure(Answer answer, DialogueMemory.Turn previous) {
        Reply.Builder reply = context(Reply.builder(), previous);
        interpretation(answer, reply);
        reply.text(UNSURE);
        for (Hit hit : answer.suggestions()) {
            reply.suggestion(new Reply.Suggestion(Citation.of(hit.passage()), excerpt(hit)));
        }
        return reply.closing(REPHRASE).ephemeral(true).build();
    }

    /**
     * A suggestion's excerpt: the hit's best lines, as a sure answer shows them, but at most
     * {@value #MAX_EXCERPT_LINES} lines and {@value #MAX_EXCERPT} characters; the title when it has none.
     */
    static String excerpt(Hit hit) {
        /* A suggestion is headed by its title already: a leading title line is not repeated under it. */
        List<String> lines = hit.lines();
        if (lines.size() > 1 && lines.get(0).strip().equals(hit.passage().title())) {
            lines = lines.subList(1, lines.size());
        }
        String text = String.join("\n", lines.stream().map(String::strip).filter(line -> !line.isEmpty())
                .limit(MAX_EXCERPT_LINES).toList());
        if (text.isEmpty()) {
            return hit.passage().title();
        }
        if (text.length() <= MAX_EXCERPT) {
            return text;
        }
        /* Room for " …" within the limit, cut at a space when there is one in the second half. */
        int cut = text.lastIndexOf(' ', MAX_EXCERPT - 2);
        if (cut < MAX_EXCERPT / 2) {
            cut = MAX_EXCERPT - 2;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
        }
        return text.substring(0, cut).strip() + " …";
    }

    private Reply declined(String question, DialogueMemory.Turn previous) {
        String example = examples.get(Math.floorMod(question.hashCode(), examples.size()));
        return context(Reply.builder(), previous)
                .text(NOT_FOUND, topicsHint(), "Prøv for eksempel: «" + example + "»")
                .ephemeral(true)
                .build();
    }

    private Reply help() {
        Reply.Builder reply = Reply.builder()
                .text("Jeg svarer på spørsmål om KS Folkevalgtprogram, ut fra lysbildene i programmaterialet. "
                        + "Still spørsmålet med egne ord, på bokmål eller nynorsk.")
                .text("Eksempler:\n" + bullets(examples));
        List<String> commandHelp = groups.stream().flatMap(g -> g.help().stream()).toList();
        if (!commandHelp.isEmpty()) {
            reply.text("Kommandoer:\n" + bullets(commandHelp));
        }
        List<String> topics = topics();
        if (!topics.isEmpty()) {
            reply.text("Materialet handler om:\n" + bullets(topics));
        }
        return reply.text("Under hvert svar står lysbildet det er hentet fra, så du kan lese mer der.")
                .ephemeral(true)
                .build();
    }

    private String topicsHint() {
        List<String> topics = topics();
        if (topics.isEmpty()) {
            return "Jeg kan svare på spørsmål om det som står i programmaterialet.";
        }
        return "Jeg kan svare på spørsmål om:\n" + bullets(topics);
    }

    private List<String> topics() {
        List<String> topics;
        try {
            topics = knowledgeBase.topics();
        } catch (RuntimeException e) {
            log.warn("The knowledge base could not list its topics", e);
            return List.of();
        }
        if (topics == null) {
            return List.of();
        }
        List<String> shown = topics.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .distinct().toList();
        if (shown.size() > MAX_TOPICS) {
            List<String> cut = new ArrayList<>(shown.subList(0, MAX_TOPICS));
            cut.add("… og mer");
            return cut;
        }
        return shown;
    }

    private static String bullets(List<String> items) {
        return String.join("\n", items.stream().map(item -> "• " + item).toList());
    }

    /**
     * A reply and, when the message was searched, what the knowledge base found.
     *
     * @param reply  what the user sees
     * @param answer the knowledge base's answer; empty for commands, bad input and failures
     */
    public record Outcome(Reply reply, Optional<Answer> answer) {

        public Outcome {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(answer, "answer");
        }

        static Outcome of(Reply reply) {
            return new Outcome(reply, Optional.empty());
        }

        /** True when the knowledge base answered the question from the material (sure). */
        public boolean answered() {
            return answer.map(Answer::answered).orElse(false);
        }

        /**
         * True when the knowledge base was not sure and the reply offers the closest slides as
         * suggestions; {@link #answered()} is false then.
         */
        public boolean unsure() {
            return answer.map(a -> a.outcome() == Answer.Outcome.UNSURE).orElse(false);
        }
    }

    @FunctionalInterface
    private interface CommandHandler {
        Outcome apply(String text);
    }

    private record Command(Pattern pattern, CommandHandler handler) {
    }
}
