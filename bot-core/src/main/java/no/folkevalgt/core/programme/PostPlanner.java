package no.folkevalgt.core.programme;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import no.folkevalgt.core.port.ChannelRef;

/**
 * Plans the posts a programme makes, per channel:
 * <ul>
 *   <li>a reminder {@link Programme#reminderLead()} before each session and before dinner:
 *       "Om 10 minutter: Samspillet med administrasjonen, kl. 13.00". Breaks and lunch get none:
 *       people are in the room when they start and the facilitator announces them, and the reminder
 *       before the next session calls everyone back. Dinner follows a free half hour when people have
 *       left the venue, so it gets one;</li>
 *   <li>each reflection prompt when it opens, with how to answer ({@code /refleksjon <svar>}, at most
 *       how many words, whether answers are anonymous, when the summary comes);</li>
 *   <li>a summary heading when each prompt closes; the answers are counted when it is posted.</li>
 * </ul>
 *
 * <p>Ids are built from what the post is about, not its position in the file: the kind, the
 * programme day or prompt number, the local date and time it concerns, and the channel, e.g.
 * {@code reminder-d1-20191105T1300@local:programmet}, {@code prompt-2-20191105T1045@slack:C0123},
 * {@code summary-2-20191105T1100@slack:C0123}. The same file gives the same ids across restarts and
 * instances; renaming a session keeps its id (the text is composed when posted); moving it in time
 * makes a new one. A demo run, moved to a new time, gets new ids, so an earlier run's delivery
 * records do not silence it.
 *
 * <pre>{@code
 * for (PlannedPost post : PostPlanner.plan(programme)) {
 *     scheduler.schedule(post.id(), post.at());
 * }
 * }</pre>
 */
public final class PostPlanner {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("ss");

    /* At one instant: close the old prompt, then remind, then open the new one. */
    private static final List<PostKind> ORDER_AT_SAME_TIME = List.of(PostKind.SUMMARY, PostKind.REMINDER, PostKind.PROMPT);

    /**
     * The order posts go out in: by time; at one instant the closing prompt's summary, then the
     * reminder, then the opening prompt; then by id. {@link #plan} is sorted by it, and the scheduler
     * keeps to it within a channel.
     */
    public static final Comparator<PlannedPost> ORDER = Comparator.comparing(PlannedPost::at)
            .thenComparing(post -> ORDER_AT_SAME_TIME.indexOf(post.kind()))
            .thenComparing(PlannedPost::id);

    private PostPlanner() {
    }

    /** Every post of the programme, one per item and channel, sorted by time (then kind, then id). */
    public static List<PlannedPost> plan(Programme programme) {
        return items(programme).stream().map(Item::post).toList();
    }

    /** Whether a slot of this kind gets a reminder; see the class comment. */
    public static boolean remindsOf(SessionKind kind) {
        return kind == SessionKind.SESSION || kind == SessionKind.DINNER;
    }

    /** The planned posts with what each is about, for the composer. */
    static List<Item> items(Programme programme) {
        List<Item> items = new ArrayList<>();
        for (ChannelRef channel : programme.channels()) {
            for (Session session : programme.sessions()) {
                if (!remindsOf(session.kind())) {
                    continue;
                }
                String id = "reminder-d" + session.day() + "-" + stamp(session.start()) + "@" + channel;
                PlannedPost post = new PlannedPost(id, session.start().minus(programme.reminderLead()).toInstant(),
                        channel, PostKind.REMINDER, reminderText(session, programme.reminderLead()), 0);
                items.add(new Item(post, session, null));
            }
            for (Prompt prompt : programme.prompts()) {
                String open = "prompt-" + prompt.number() + "-" + stamp(prompt.opens()) + "@" + channel;
                items.add(new Item(new PlannedPost(open, prompt.opens().toInstant(), channel, PostKind.PROMPT,
                        promptText(programme, prompt), prompt.number()), null, prompt));
                String close = "summary-" + prompt.number() + "-" + stamp(prompt.closes()) + "@" + channel;
                items.add(new Item(new PlannedPost(close, prompt.closes().toInstant(), channel, PostKind.SUMMARY,
                        summaryHeading(prompt), prompt.number()), null, prompt));
            }
        }
        items.sort(Comparator.comparing(Item::post, ORDER));
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (!ids.add(item.post().id())) {
                throw new IllegalStateException("two planned posts share the id " + item.post().id());
            }
        }
        return items;
    }

    /** "Om 10 minutter: Samspillet med administrasjonen, kl. 13.00". */
    static String reminderText(Session session, Duration lead) {
        String what = session.title() + ", kl. " + Texts.time(session.start());
        return lead.isZero() ? "Nå: " + what : "Om " + Texts.duration(lead) + ": " + what;
    }

    /**
     * The prompt as posted: heading, the prompt's text, then how to answer. Blocks are separated by a
     * blank line; the composer makes each a text block.
     */
    static String promptText(Programme programme, Prompt prompt) {
        StringBuilder out = new StringBuilder();
        out.append("Refleksjonsoppgave ").append(prompt.number()).append(": ").append(prompt.title());
        if (!prompt.text().strip().equals(prompt.title().strip())) {
            out.append("\n\n").append(prompt.text().strip());
        }
        boolean overlaps = programme.prompts().stream().anyMatch(other -> other.number() != prompt.number()
                && other.opens().isBefore(prompt.closes()) && prompt.opens().isBefore(other.closes()));
        String command = overlaps ? "/refleksjon " + prompt.number() + " <svaret ditt>" : "/refleksjon <svaret ditt>";
        out.append("\n\nSvar med ").append(command).append('.');
        if (prompt.maxWords() > 0) {
            out.append(" Skriv inntil ").append(Texts.number(prompt.maxWords())).append(" ord.");
        }
        out.append(prompt.anonymous() ? " Svarene er anonyme: ingen, heller ikke fasilitatorene, ser hvem som har svart."
                : " Fasilitatorene ser hvem som har svart.");
        out.append(" Oppsummeringen kommer kl. ").append(Texts.time(prompt.closes())).append('.');
        return out.toString();
    }

    /** "Oppsummering av refleksjonsoppgave 2: Kulturen hos oss". */
    static String summaryHeading(Prompt prompt) {
        return "Oppsummering av refleksjonsoppgave " + prompt.number() + ": " + prompt.title();
    }

    private static String stamp(ZonedDateTime t) {
        String stamp = STAMP.format(t);
        return t.getSecond() == 0 && t.getNano() == 0 ? stamp : stamp + SECONDS.format(t);
    }

    /**
     * A planned post and what it is about.
     *
     * @param post    the post
     * @param session the session it reminds of, for reminders
     * @param prompt  the prompt it opens or sums up, for prompts and summaries
     */
    record Item(PlannedPost post, Session session, Prompt prompt) {
    }
}
