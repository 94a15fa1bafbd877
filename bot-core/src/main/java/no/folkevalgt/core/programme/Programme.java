package no.folkevalgt.core.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.folkevalgt.core.port.ChannelRef;

/**
 * The programme of a gathering: its sessions, reflection prompts and where to post.
 * Loaded from {@code programme.yaml}; see {@code ProgrammeLoader}.
 *
 * @param title        e.g. "KS Folkevalgtprogram"
 * @param place        e.g. "Rakkestad kommune"
 * @param zone         the time zone all times are in, e.g. Europe/Oslo
 * @param sessions     every slot of every day, in time order, not overlapping
 * @param prompts      reflection prompts, numbered from 1 in order
 * @param channels     where reminders, prompts and summaries are posted; at least one
 * @param reminderLead how long before a session its reminder is posted
 */
public record Programme(String title, String place, ZoneId zone, List<Session> sessions, List<Prompt> prompts,
                        List<ChannelRef> channels, Duration reminderLead) {

    public Programme {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reminderLead, "reminderLead");
        sessions = sessions.stream().sorted(Comparator.comparing(Session::start)).toList();
        prompts = List.copyOf(prompts);
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a programme needs at least one channel to post in");
        }
        if (reminderLead.isNegative()) {
            throw new IllegalArgumentException("reminderLead must not be negative but was " + reminderLead);
        }
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).number() != i + 1) {
                throw new IllegalArgumentException("prompts must be numbered 1, 2, ... in order; prompt "
                        + (i + 1) + " has number " + prompts.get(i).number());
            }
        }
        for (int i = 1; i < sessions.size(); i++) {
            Session before = sessions.get(i - 1);
            Session after = sessions.get(i);
            if (after.start().isBefore(before.end())) {
                throw new IllegalArgumentException("«" + after.title() + "» (kl. " + Texts.time(after.start())
                        + ") begynner før «" + before.title() + "» er slutt (kl. " + Texts.time(before.end()) + ")");
            }
        }
    }

    /** Prompt number {@code n}, if there is one. */
    public Optional<Prompt> prompt(int n) {
        return n >= 1 && n <= prompts.size() ? Optional.of(prompts.get(n - 1)) : Optional.empty();
    }

    /** The number of programme days. */
    public int days() {
        return sessions.stream().mapToInt(Session::day).max().orElse(0);
    }

    /** The slots of programme day {@code day}, in time order; empty when there is no such day. */
    public List<Session> sessions(int day) {
        return sessions.stream().filter(s -> s.day() == day).toList();
    }

    /** The date of programme day {@code day}: the date its first slot starts, in the programme's zone. */
    public Optional<LocalDate> date(int day) {
        return sessions.stream().filter(s -> s.day() == day).findFirst().map(s -> s.start().toLocalDate());
    }

    /**
     * When the programme begins: the start of day 1's first slot.
     *
     * @throws IllegalStateException when the programme has no sessions
     */
    public ZonedDateTime start() {
        if (sessions.isEmpty()) {
            throw new IllegalStateException("the programme has no sessions");
        }
        return sessions.get(0).start();
    }

    /** The slot going on at {@code t} (start inclusive, end exclusive), if any. */
    public Optional<Session> sessionAt(Instant t) {
        return sessions.stream()
                .filter(s -> !s.start().toInstant().isAfter(t) && s.end().toInstant().isAfter(t))
                .findFirst();
    }

    /**
     * Where the programme stands at {@code t}: not started, a session, a break, between days or over,
     * with the slot going on and the next one. The chat and the facilitator page both read it.
     *
     * @throws IllegalStateException when the programme has no sessions
     */
    public ProgrammeState stateAt(Instant t) {
        Optional<Session> current = sessionAt(t);
        Optional<Session> next = nextSession(t);
        if (!start().toInstant().isAfter(t) && current.isEmpty() && next.isEmpty()) {
            return new ProgrammeState(ProgrammeState.Phase.OVER, days(), current, next, t);
        }
        if (start().toInstant().isAfter(t)) {
            return new ProgrammeState(ProgrammeState.Phase.NOT_STARTED, sessions.get(0).day(), current, next, t);
        }
        if (current.isPresent()) {
            Session s = current.get();
            return new ProgrammeState(s.kind() == SessionKind.SESSION ? ProgrammeState.Phase.SESSION
                    : ProgrammeState.Phase.BREAK, s.day(), current, next, t);
        }
        /* In a gap: within a day when the next slot is on the same day as the last one that ended. */
        Session last = sessions.stream().filter(s -> !s.end().toInstant().isAfter(t)).reduce((a, b) -> b).orElseThrow();
        return new ProgrammeState(next.get().day() == last.day() ? ProgrammeState.Phase.BREAK
                : ProgrammeState.Phase.BETWEEN_DAYS, last.day(), current, next, t);
    }

    /** The first slot that starts after {@code t}, on any day. */
    public Optional<Session> nextSession(Instant t) {
        return sessions.stream().filter(s -> s.start().toInstant().isAfter(t)).findFirst();
    }

    /**
     * The prompt an answer given at {@code t} belongs to: the open one (the most recently opened when
     * several are open), else the one that opened most recently, so that late answers count; empty
     * before the first prompt opens.
     */
    public Optional<Prompt> promptFor(Instant t) {
        Prompt open = null;
        Prompt latest = null;
        for (Prompt p : prompts) {
            Instant opens = p.opens().toInstant();
            if (opens.isAfter(t)) {
                continue;
            }
            if (latest == null || !opens.isBefore(latest.opens().toInstant())) {
                latest = p;
            }
            if (p.closes().toInstant().isAfter(t) && (open == null || !opens.isBefore(open.opens().toInstant()))) {
                open = p;
            }
        }
        return Optional.ofNullable(open != null ? open : latest);
    }

    /**
     * The programme day a prompt belongs to: the day whose slots (first start to last end) it opens in,
     * else the day nearest to it in time.
     */
    public int dayOf(Prompt prompt) {
        Instant opens = prompt.opens().toInstant();
        int best = 1;
        Duration bestDistance = null;
        for (int day = 1; day <= days(); day++) {
            List<Session> slots = sessions(day);
            if (slots.isEmpty()) {
                continue;
            }
            Instant from = slots.get(0).start().toInstant();
            Instant to = slots.get(slots.size() - 1).end().toInstant();
            Duration distance = opens.isBefore(from) ? Duration.between(opens, from)
                    : opens.isAfter(to) ? Duration.between(to, opens) : Duration.ZERO;
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = day;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The prompts of programme day {@code day}, in number order. */
    public List<Prompt> prompts(int day) {
        return prompts.stream().filter(p -> dayOf(p) == day).toList();
    }

    /**
     * The same programme moved so that day 1 starts at {@code dayOneStart}, for a demo. Every day keeps
     * its own timing, but the days follow each other directly: day 2 starts when day 1's last slot
     * ends, and so on, so that a demo left running sees every day's posts without waiting overnight.
     * Prompts move with their day ({@link #dayOf}). Times move as instants, so a shift across a
     * daylight-saving change keeps durations rather than wall-clock times.
     */
    public Programme shiftedToStartAt(ZonedDateTime dayOneStart) {
        Objects.requireNonNull(dayOneStart, "dayOneStart");
        List<Duration> deltas = new ArrayList<>();
        Instant nextStart = dayOneStart.toInstant();
        for (int day = 1; day <= days(); day++) {
            List<Session> slots = sessions(day);
            if (slots.isEmpty()) {
                deltas.add(Duration.ZERO);
                continue;
            }
            Duration delta = Duration.between(slots.get(0).start().toInstant(), nextStart);
            deltas.add(delta);
            nextStart = slots.get(slots.size() - 1).end().toInstant().plus(delta);
        }
        List<Session> moved = sessions.stream().map(s -> {
            Duration d = deltas.get(s.day() - 1);
            return new Session(s.day(), s.title(), s.kind(), move(s.start(), d), move(s.end(), d));
        }).toList();
        List<Prompt> movedPrompts = prompts.stream().map(p -> {
            Duration d = deltas.get(dayOf(p) - 1);
            return new Prompt(p.number(), p.title(), p.text(), move(p.opens(), d), move(p.closes(), d), p.anonymous(),
                    p.maxWords());
        }).toList();
        return new Programme(title, place, zone, moved, movedPrompts, channels, reminderLead);
    }

    /**
     * The same programme running {@code factor} times faster from day 1's start: every time after the
     * start comes {@code factor} times sooner, and the reminder lead shrinks alike. For demos only:
     * with factor 6, an hour of programme passes in ten minutes.
     */
    public Programme speededUp(int factor) {
        if (factor < 1 || factor > 60) {
            throw new IllegalArgumentException("factor must be 1 to 60 but was " + factor);
        }
        if (factor == 1) {
            return this;
        }
        Instant anchor = start().toInstant();
        List<Session> fast = sessions.stream().map(s -> new Session(s.day(), s.title(), s.kind(),
                scale(s.start(), anchor, factor), scale(s.end(), anchor, factor))).toList();
        List<Prompt> fastPrompts = prompts.stream().map(p -> new Prompt(p.number(), p.title(), p.text(),
                scale(p.opens(), anchor, factor), scale(p.closes(), anchor, factor), p.anonymous(), p.maxWords()))
                .toList();
        return new Programme(title, place, zone, fast, fastPrompts, channels, reminderLead.dividedBy(factor));
    }

    /**
     * The programme as the demo switch runs it: moved with {@link #shiftedToStartAt} so that the first
     * reminder is posted one to two minutes after {@code now} (on a whole minute), then
     * {@link #speededUp} by {@code speed} (1 for real time).
     *
     * <pre>{@code
     * Programme demo = ProgrammeLoader.loadBundled().forDemo(clock.instant(), 1);
     * }</pre>
     */
    public Programme forDemo(Instant now, int speed) {
        if (speed < 1 || speed > 60) {
            throw new IllegalArgumentException("speed must be 1 to 60 but was " + speed);
        }
        Instant firstReminder = now.truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES);
        ZonedDateTime start = firstReminder.plus(reminderLead.dividedBy(speed)).atZone(zone);
        return shiftedToStartAt(start).speededUp(speed);
    }

    private ZonedDateTime move(ZonedDateTime t, Duration d) {
        return t.toInstant().plus(d).atZone(zone);
    }

    private ZonedDateTime scale(ZonedDateTime t, Instant anchor, int factor) {
        return anchor.plus(Duration.between(anchor, t.toInstant()).dividedBy(factor)).atZone(zone);
    }
}
