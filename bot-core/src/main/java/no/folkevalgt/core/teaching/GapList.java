package no.folkevalgt.core.teaching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.UnansweredStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gap list facilitators work from: declined questions, unsure ones (with the slides offered) and
 * answers that got 👎, newest first, alike questions grouped ({@link KnowledgeBase#closest}), each
 * with how many asked, when, on which platforms, and what was taught about it. Never who asked.
 *
 * <pre>{@code
 * for (GapList.Gap gap : new GapList(unanswered, feedback, lessons, kb).gaps(50)) { ... }
 * }</pre>
 */
public final class GapList {

    /** Most records read from each store to build the list. */
    static final int READ = 500;
    /** Most wordings kept for one gap. */
    static final int MAX_WORDINGS = 5;

    private static final Logger log = LoggerFactory.getLogger(GapList.class);

    private final UnansweredStore unanswered;
    private final FeedbackStore feedback;
    private final Lessons lessons;
    private final KnowledgeBase knowledgeBase;

    public GapList(UnansweredStore unanswered, FeedbackStore feedback, Lessons lessons, KnowledgeBase knowledgeBase) {
        this.unanswered = Objects.requireNonNull(unanswered, "unanswered");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.lessons = Objects.requireNonNull(lessons, "lessons");
        this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    }

    /** Why a question is on the list. */
    public enum Kind {
        /** The bot said it could not find it. */
        NOT_FOUND("ikke funnet"),
        /** The bot was not sure and offered slides. */
        UNSURE("usikker"),
        /** The bot answered, and the member gave the answer 👎. */
        UNHELPFUL("👎");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** How the facilitator page and the terminal name it. */
        public String text() {
            return text;
        }
    }

    /**
     * Alike questions on the list.
     *
     * @param question  the newest wording, which the facilitator teaches
     * @param wordings  the other wordings, newest first (at most {@link #MAX_WORDINGS})
     * @param kinds     why they are on the list
     * @param count     how many times they were asked (or rated 👎)
     * @param first     when first
     * @param last      when last
     * @param platforms where they were asked
     * @param suggested the slides the newest unsure answer offered; empty when none
     * @param unhelpful the passages of answers given 👎 ({@code source#slide}), newest first
     * @param taught    what a facilitator taught for questions like it, if anything
     */
    public record Gap(String question, List<String> wordings, Set<Kind> kinds, int count, Instant first, Instant last,
                      List<String> platforms, List<Citation> suggested, List<String> unhelpful, Optional<Lesson> taught) {
    }

    /** The list, newest first, at most {@code limit} gaps. */
    public List<Gap> gaps(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (UnansweredStore.Unanswered u : unanswered.recent(READ)) {
            entries.add(new Entry(u.question(), u.reason() == UnansweredStore.Reason.UNSURE ? Kind.UNSURE : Kind.NOT_FOUND,
                    u.at(), u.platform(), u.suggested(), null));
        }
        int unhelpful = 0;
        for (Feedback f : feedback.all()) {
            if (!f.helpful() && unhelpful++ < READ) {
                entries.add(new Entry(f.question(), Kind.UNHELPFUL, f.at(), f.platform(), List.of(), f.passageId()));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        List<Builder> groups = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        for (Entry e : entries) {
            int alike = closest(e.question(), heads);
            if (alike < 0) {
                if (groups.size() >= limit) {
                    continue;
                }
                groups.add(new Builder(e));
                heads.add(e.question());
            } else {
                groups.get(alike).add(e);
            }
        }
        List<Gap> out = new ArrayList<>(groups.size());
        for (Builder g : groups) {
            out.add(g.build(taught(g.question)));
        }
        return out;
    }

    private int closest(String question, List<String> heads) {
        try {
            return knowledgeBase.closest(question, List.copyOf(heads));
        } catch (RuntimeException e) {
            log.warn("Could not compare questions on the gap list: {}", e.toString());
            return heads.indexOf(question);
        }
    }

    private Optional<Lesson> taught(String question) {
        try {
            return lessons.match(question);
        } catch (RuntimeException e) {
            log.warn("Could not look up what was taught for a gap: {}", e.toString());
            return Optional.empty();
        }
    }

    private record Entry(String question, Kind kind, Instant at, String platform, List<Citation> suggested, String passage) {
    }

    private static final class Builder {
        final String question;
        final Set<String> wordings = new LinkedHashSet<>();
        final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        final Set<String> platforms = new LinkedHashSet<>();
        final Set<String> unhelpful = new LinkedHashSet<>();
        List<Citation> suggested = List.of();
        int count;
        Instant first;
        final Instant last;

        Builder(Entry e) {
            question = e.question();
            last = e.at();
            add(e);
        }

        void add(Entry e) {
            count++;
            first = e.at();
            kinds.add(e.kind());
            platforms.add(e.platform());
            if (!e.question().equals(question) && wordings.size() < MAX_WORDINGS) {
                wordings.add(e.question());
            }
            if (suggested.isEmpty() && !e.suggested().isEmpty()) {
                suggested = e.suggested();
            }
            if (e.passage() != null) {
                unhelpful.add(e.passage());
            }
        }

        Gap build(Optional<Lesson> taught) {
            return new Gap(question, List.copyOf(wordings), java.util.Collections.unmodifiableSet(EnumSet.copyOf(kinds)), count, first, last, List.copyOf(platforms),
                    suggested, List.copyOf(unhelpful), taught);
        }
    }
}
