package no.folkevalgt.core.reflection;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.port.TopWords;
import no.folkevalgt.core.port.WordCloudRenderer;
import no.folkevalgt.core.port.WordCount;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostComposer;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summaries of a prompt's answers: how many, the most used words and a word cloud. The words are
 * counted over exactly the answers the summary counts, all words of each answer, and a word's number
 * is the number of answers that use it, so it is never more than the number of answers (see the
 * knowledge module's {@code WordCounter} for which words count). The scheduler
 * uses it as the {@link PostComposer} for {@link PostKind#SUMMARY} posts when a prompt closes; the
 * {@code /refleksjon oppsummering} command uses it for facilitators. A summary never names who
 * answered, for anonymous prompts and others alike.
 *
 * <pre>{@code
 * var summaries = new ReflectionSummaries(store, programmeSupplier, new WordCounter()::top, new WordCloud());
 * Reply post = summaries.compose(plannedSummaryPost, false);
 * // "Oppsummering: «Hvorfor engasjerte du deg?» — 23 svar. Mest brukte ord: skole (7), ...
 * //  2 av svarene har ingen ord som telles."
 * }</pre>
 */
public final class ReflectionSummaries implements PostComposer {

    /** Words listed with their counts in the text. */
    public static final int TOP_IN_TEXT = 10;

    /**
     * Fewest members who must have answered before a summary shows words (in its text and its word
     * cloud): with one or two, the words would tell the room what a known person wrote.
     */
    public static final int MIN_ANSWERERS_FOR_WORDS = 3;

    /** What a summary says instead of words when fewer than {@link #MIN_ANSWERERS_FOR_WORDS} answered. */
    public static final String TOO_FEW = "For få svar til å vise ord: ordene vises når minst "
            + MIN_ANSWERERS_FOR_WORDS + " har svart.";

    private static final Logger log = LoggerFactory.getLogger(ReflectionSummaries.class);

    private final ReflectionStore store;
    private final Supplier<Programme> programme;
    private final TopWords topWords;
    private final WordCloudRenderer cloud;
    private final Map<Integer, Counted> counted = new ConcurrentHashMap<>();

    public ReflectionSummaries(ReflectionStore store, Supplier<Programme> programme, TopWords topWords,
                               WordCloudRenderer cloud) {
        this.store = Objects.requireNonNull(store, "store");
        this.programme = Objects.requireNonNull(programme, "programme");
        this.topWords = Objects.requireNonNull(topWords, "topWords");
        this.cloud = Objects.requireNonNull(cloud, "cloud");
    }

    public ReflectionSummaries(ReflectionStore store, Programme programme, TopWords topWords, WordCloudRenderer cloud) {
        this(store, constant(programme), topWords, cloud);
    }

    /**
     * The summary post for the channel, counted now.
     *
     * @param post a {@link PostKind#SUMMARY} post; its prompt number names the prompt (its text is the
     *             title used when the programme no longer has that prompt)
     * @param late true when it goes out after its time: the text then starts with "(forsinket)"
     * @throws IllegalArgumentException for any other kind of post
     * @throws StoreUnavailable when the answers cannot be read, so that the scheduler tries again
     */
    @Override
    public Reply compose(PlannedPost post, boolean late) {
        Objects.requireNonNull(post, "post");
        if (post.kind() != PostKind.SUMMARY) {
            throw new IllegalArgumentException("ReflectionSummaries composes SUMMARY posts, not " + post.kind()
                    + " (" + post.id() + ")");
        }
        Optional<Prompt> prompt = programme.get().prompt(post.prompt());
        String title = prompt.map(Prompt::title).orElse(post.text());
        Summary summary = summary(post.prompt());
        String invitation = "Du kan fortsatt svare: /refleksjon " + post.prompt() + " <svaret ditt>";
        return reply(title, summary, late, false, invitation);
    }

    /**
     * The summary of prompt {@code number} for a facilitator, as a private reply (for the
     * facilitator page or the command line). Callers check that the reader is a facilitator.
     *
     * @throws IllegalArgumentException when the programme has no such prompt (the message is Norwegian)
     * @throws StoreUnavailable         when the answers cannot be read
     */
    public Reply forFacilitator(int number) {
        Prompt prompt = programme.get().prompt(number).orElseThrow(() -> new IllegalArgumentException(
                "Det finnes ingen refleksjonsoppgave " + number + " i programmet."));
        return forFacilitator(prompt);
    }

    /**
     * The summary for a facilitator who asked for it: private to them.
     *
     * @throws StoreUnavailable when the answers cannot be read
     */
    Reply forFacilitator(Prompt prompt) {
        return reply(prompt.title(), summary(prompt.number()), false, true, null);
    }

    /**
     * What a summary of prompt {@code number} says, counted now: the facilitator page shows these
     * words beside the cloud.
     *
     * @throws StoreUnavailable when the answers cannot be read
     */
    public Summary summary(int prompt) {
        return summarise(prompt, store.forPrompt(prompt));
    }

    /**
     * The same for answers already read (the facilitator page reads them anyway). Counting is
     * skipped when the answers are the same as last time for this prompt, so a page that asks every
     * few seconds costs one comparison of the texts.
     *
     * @param answers the prompt's answers, all of them
     */
    public Summary summary(int prompt, List<ReflectionAnswer> answers) {
        return summarise(prompt, answers);
    }

    private Summary summarise(int prompt, List<ReflectionAnswer> answers) {
        /* Every word of every answer counts: a word limit in the prompt is a wish, not a cut. */
        List<String> texts = answers.stream().map(ReflectionAnswer::text).toList();
        int answerers = (int) answers.stream().map(a -> a.platform() + "\u0000" + a.user()).distinct().count();
        Counted cached = counted.get(prompt);
        if (cached != null && cached.texts().equals(texts) && cached.summary().answerers() == answerers) {
            return cached.summary();
        }
        Summary summary = count(texts, answerers);
        counted.put(prompt, new Counted(texts, summary));
        return summary;
    }

    private Summary count(List<String> texts, int answerers) {
        if (texts.isEmpty()) {
            return new Summary(0, 0, 0, List.of());
        }
        List<WordCount> words = answerers < MIN_ANSWERERS_FOR_WORDS ? List.of()
                : topWords.top(texts, WordCloudRenderer.MAX_WORDS);
        int withWords = (int) texts.stream().filter(topWords::hasWords).count();
        return new Summary(texts.size(), answerers, withWords, words == null ? List.of() : words);
    }

    private Reply reply(String title, Summary summary, boolean late, boolean ephemeral, String invitation) {
        StringBuilder text = new StringBuilder();
        if (late) {
            text.append("(forsinket) ");
        }
        text.append("Oppsummering: «").append(title).append("» — ");
        if (summary.answers() == 0) {
            text.append("ingen svar ennå.");
        } else {
            text.append(summary.answers()).append(" svar.");
            if (summary.tooFew()) {
                /* Nor how many answers lack counted words: with one or two members, that too tells what someone wrote. */
                text.append(' ').append(TOO_FEW);
            } else {
                List<WordCount> top = summary.words().stream().limit(TOP_IN_TEXT).toList();
                if (!top.isEmpty()) {
                    text.append(" Mest brukte ord: ").append(list(top)).append('.');
                }
                int without = summary.answers() - summary.answersWithWords();
                if (without == summary.answers()) {
                    text.append(" Ingen av svarene har ord som telles.");
                } else if (without > 0) {
                    text.append(' ').append(without).append(" av svarene har ingen ord som telles.");
                }
            }
        }
        Reply.Builder reply = Reply.builder().text(text.toString()).ephemeral(ephemeral);
        if (invitation != null) {
            reply.text(invitation);
        }
        /* The facilitator's own view keeps its (then empty) cloud, so the page's picture is never missing. */
        if (!summary.tooFew() || ephemeral) {
            image(title, summary).ifPresent(reply::image);
        }
        return reply.build();
    }

    /**
     * The word cloud's text alternative: its top words with their counts, as every front end shows it
     * (the web chat's and facilitator page's {@code alt}, Slack's {@code alt_txt}, Teams' {@code altText}).
     */
    public static String altText(String title, Summary summary) {
        List<WordCount> top = summary.words().stream().limit(TOP_IN_TEXT).toList();
        return "Ordsky for «" + title + "»: "
                + (summary.answers() == 0 ? "ingen svar ennå."
                : summary.tooFew() ? "for få svar til å vise ord."
                : top.isEmpty() ? "ingen ord å vise." : "mest brukte ord " + list(top) + ".");
    }

    private Optional<Reply.Image> image(String title, Summary summary) {
        String alt = altText(title, summary);
        try {
            return Optional.of(new Reply.Image("image/png", cloud.png(summary.words()), alt));
        } catch (RuntimeException | LinkageError e) {
            /* The numbers and words still go out; only the picture is missing. */
            log.error("Could not draw the word cloud for «{}»", title, e);
            return Optional.empty();
        }
    }

    static String list(List<WordCount> words) {
        return words.stream().map(w -> w.word() + " (" + w.count() + ")").collect(Collectors.joining(", "));
    }

    static Supplier<Programme> constant(Programme programme) {
        Objects.requireNonNull(programme, "programme");
        return () -> programme;
    }

    /**
     * What a summary says.
     *
     * @param answers          how many answers the prompt has
     * @param answerers        how many members gave them (a member may answer more than once)
     * @param answersWithWords how many of them have a word that counts (the rest hold only stop words,
     *                         light words, numbers or emoji)
     * @param words            the most used words (at most {@link WordCloudRenderer#MAX_WORDS}), each with the
     *                         number of answers that use it: never more than {@code answers}; none
     *                         when fewer than {@link #MIN_ANSWERERS_FOR_WORDS} members answered
     */
    public record Summary(int answers, int answerers, int answersWithWords, List<WordCount> words) {

        public Summary {
            words = List.copyOf(words);
        }

        /** Some answered, but too few for words to be shown without telling who wrote what. */
        public boolean tooFew() {
            return answers > 0 && answerers < MIN_ANSWERERS_FOR_WORDS;
        }
    }

    /** The last count for a prompt, and the texts it was counted from. */
    private record Counted(List<String> texts, Summary summary) {
    }
}
