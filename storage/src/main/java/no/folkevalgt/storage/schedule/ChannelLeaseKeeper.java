package no.folkevalgt.storage.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.folkevalgt.core.delivery.DeliveryPolicy;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.storage.JdbcChannelLeases;

/**
 * This instance's hold on channels ({@link JdbcChannelLeases}): one instance posts to a channel at a
 * time. It takes a channel's lease before posting there, renews the leases it holds every third of
 * their length while it posts (a slow platform does not lose it the channel), notes on the lease which
 * post is being handed to the platform, and recovers after an owner that died mid-post: it asks the
 * platform whether that post went out and records it rather than posting it twice.
 */
final class ChannelLeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);
    /* How far this instance's clock may be from another's or the platform's when asking whether a post went out. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final JdbcChannelLeases leases;
    private final String instanceName;
    private final Clock clock;
    private final Duration length;
    /* The channels this instance holds the lease on right now, renewed every third of the lease. */
    private final Set<ChannelRef> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "post-lease-renewer");
        thread.setDaemon(true);
        return thread;
    });

    ChannelLeaseKeeper(JdbcChannelLeases leases, String instanceName, Clock clock, Duration length) {
        this.leases = leases;
        this.instanceName = instanceName;
        this.clock = clock;
        this.length = length;
    }

    /** Starts renewing the leases held, every third of their length. */
    void start() {
        long every = Math.max(1, length.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        renewer.shutdownNow();
    }

    /** Takes the channel's lease (or extends it when this instance has it); false when another instance has it. */
    boolean take(ChannelRef channel) {
        if (!leases.tryAcquire(channel, instanceName, clock.instant(), length)) {
            return false;
        }
        held.add(channel);
        return true;
    }

    /** Gives the channel up: the next instance may post there at once. */
    void release(ChannelRef channel) {
        held.remove(channel);
        try {
            leases.release(channel, instanceName);
        } catch (RuntimeException e) {
            /* It runs out by itself; this instance may take it again before that. */
            log.warn("Could not release the lease on {}: {}", channel, e.toString());
        }
    }

    /* Keeps the leases this instance holds from running out while a post takes long (a slow platform). */
    void renew() {
        for (ChannelRef channel : held) {
            try {
                if (!leases.renew(channel, instanceName, clock.instant(), length)) {
                    log.warn("The lease on {} ran out before it could be renewed; another instance may post to it", channel);
                }
            } catch (RuntimeException e) {
                log.debug("Could not renew the lease on {}: {}", channel, e.toString());
            }
        }
    }

    /** Notes on the lease that {@code post} is being handed to the platform now (see {@link #recover}). */
    void markSending(PlannedPost post, Instant since) {
        if (!leases.markSending(post.channel(), instanceName, post.id(), since)) {
            throw new IllegalStateException("lost the lease on " + post.channel() + " before posting " + post.id());
        }
    }

    /* The outcome is recorded (or, failing that, kept in memory): the note has done its work. */
    void clearSending(ChannelRef channel) {
        try {
            leases.clearSending(channel, instanceName);
        } catch (RuntimeException e) {
            /* Left behind, it only makes the next holder look in the delivery log, which has the outcome. */
            log.debug("Could not clear the note of a post being sent to {}: {}", channel, e.toString());
        }
    }

    /**
     * Holding the lease: settles a post an earlier holder left a note of. An instance that died (or
     * stalled past its lease) while handing a post to the platform left the note; whether the platform
     * took the post is unknown, so the platform is asked. Found: recorded as sent, so that it is not
     * posted again. Not found, or the platform cannot tell: it is posted again by the usual path (at
     * least once rather than lost).
     *
     * @param sentHere     the posts this instance sent but could not record yet (they are not asked about)
     * @param plannedPost  a scheduled post by id, to tell whether the found post went out late
     */
    void recover(ChannelRef channel, Set<String> sentHere, DeliveryLog deliveryLog, ChannelPoster poster,
                 DeliveryPolicy policy, Function<String, Optional<PlannedPost>> plannedPost) {
        Optional<JdbcChannelLeases.InFlight> note = leases.inFlight(channel);
        if (note.isEmpty()) {
            return;
        }
        JdbcChannelLeases.InFlight inFlight = note.get();
        if (!inFlight.holder().equals(instanceName) || !sentHere.contains(inFlight.postId())) {
            List<DeliveryAttempt> attempts = deliveryLog.attempts(inFlight.postId());
            boolean known = attempts.stream()
                    .anyMatch(a -> DeliveryPolicy.finished(a.status()) || !a.at().isBefore(inFlight.since()));
            if (!known) {
                Optional<Boolean> posted;
                try {
                    posted = poster.wasPosted(channel, inFlight.postId(), inFlight.since().minus(CLOCK_SKEW));
                } catch (RuntimeException e) {
                    log.warn("Could not ask {} whether post {} went out: {}", channel, inFlight.postId(), e.toString());
                    posted = Optional.empty();
                }
                if (posted.orElse(false)) {
                    boolean late = plannedPost.apply(inFlight.postId()).map(p -> policy.late(p, inFlight.since())).orElse(false);
                    deliveryLog.record(new DeliveryAttempt(inFlight.postId(), channel, attempts.size() + 1, inFlight.since(),
                            late ? DeliveryStatus.LATE : DeliveryStatus.SENT,
                            "found in the channel: posted by " + inFlight.holder() + ", which stopped before it could record it",
                            instanceName));
                    log.warn("Post {} was posted by {}, which stopped before recording it; found in {}, not posting it again",
                            inFlight.postId(), inFlight.holder(), channel);
                } else if (posted.isPresent()) {
                    log.warn("{} stopped while posting {}; it is not in {}, so it is posted now", inFlight.holder(),
                            inFlight.postId(), channel);
                } else {
                    log.warn("{} stopped while posting {}; {} cannot tell whether it went out, so it is posted again"
                            + " (it may appear twice)", inFlight.holder(), inFlight.postId(), channel);
                }
            }
        }
        leases.clearSending(channel, instanceName);
    }
}
