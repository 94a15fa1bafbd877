package no.folkevalgt.core.programme;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.folkevalgt.core.ChannelRef;

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
                throw new IllegalArgumentException("«" + after.title() + "» (" + after.start().toLocalTime()
                        + ") begynner før «" + before.title() + "» er slutt (" + before.end().toLocalTime() + ")");
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
}
