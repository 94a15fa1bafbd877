package no.folkevalgt.core.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Reply;

/**
 * Composes reminders and prompts from the programme at the moment they are posted; summaries go to
 * the composer given (it counts the answers). A post that goes out late says so:
 * "(forsinket) Om 4 minutter: Samspillet med administrasjonen, kl. 13.00", or, once the session has
 * begun, "(forsinket) Samspillet med administrasjonen begynte kl. 13.00."
 *
 * <pre>{@code
 * PostComposer composer = new ProgrammePosts(() -> programme, reflectionSummaries, clock);
 * channelPoster.post(post.channel(), composer.compose(post, late));
 * }</pre>
 *
 * <p>Posts are looked up by id in the current programme, so a title corrected in the file after
 * planning is posted as corrected. A post whose id the programme no longer has is posted with the
 * text it was planned with.
 */
public final class ProgrammePosts implements PostComposer {

    /** The mark a late post starts with. */
    public static final String LATE = "(forsinket) ";

    private final Supplier<Programme> programme;
    private final PostComposer summaries;
    private final Clock clock;

    /**
     * @param programme the programme now in force
     * @param summaries composes {@link PostKind#SUMMARY} posts (counts the answers)
     * @param clock     the time a post goes out, for the wording of late reminders
     */
    public ProgrammePosts(Supplier<Programme> programme, PostComposer summaries, Clock clock) {
        this.programme = Objects.requireNonNull(programme, "programme");
        this.summaries = Objects.requireNonNull(summaries, "summaries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ProgrammePosts(Programme programme, PostComposer summaries, Clock clock) {
        this(supplierOf(programme), summaries, clock);
    }

    private static Supplier<Programme> supplierOf(Programme programme) {
        Objects.requireNonNull(programme, "programme");
        return () -> programme;
    }

    @Override
    public Reply compose(PlannedPost post, boolean late) {
        Objects.requireNonNull(post, "post");
        if (post.kind() == PostKind.SUMMARY) {
            return summaries.compose(post, late);
        }
        Programme current = programme.get();
        Optional<PostPlanner.Item> item = PostPlanner.items(current).stream()
                .filter(i -> i.post().id().equals(post.id())).findFirst();
        if (post.kind() == PostKind.REMINDER) {
            return item.map(i -> reminder(i.session(), current.reminderLead(), late))
                    .orElseGet(() -> blocks(post.text(), late));
        }
        Reply prompt = blocks(item.map(i -> i.post().text()).orElse(post.text()), late);
        /* The "Svar" button: a front end with its own answer form (a Teams card field, a Slack modal) shows it. */
        return Reply.builder().text(prompt.blocks().toArray(String[]::new))
                .action(new Reply.Action(ActionIds.REFLECTION_ANSWER, "Svar", Integer.toString(post.prompt())))
                .build();
    }

    private Reply reminder(Session session, Duration lead, boolean late) {
        if (!late) {
            return Reply.text(PostPlanner.reminderText(session, lead));
        }
        Instant now = clock.instant();
        Instant start = session.start().toInstant();
        if (now.isBefore(start)) {
            return Reply.text(LATE + PostPlanner.reminderText(session, Duration.between(now, start)));
        }
        return Reply.text(LATE + session.title() + " begynte kl. " + Texts.time(session.start()) + ".");
    }

    private static Reply blocks(String text, boolean late) {
        String[] blocks = Arrays.stream(text.split("\n\\s*\n")).map(String::strip).filter(b -> !b.isEmpty())
                .toArray(String[]::new);
        if (blocks.length == 0) {
            blocks = new String[]{text};
        }
        if (late) {
            blocks[0] = LATE + blocks[0];
        }
        return Reply.text(blocks);
    }
}
