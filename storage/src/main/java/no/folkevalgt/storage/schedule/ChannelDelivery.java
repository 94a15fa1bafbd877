package no.folkevalgt.storage.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import no.folkevalgt.core.delivery.Backoff;
import no.folkevalgt.core.delivery.DeliveryPolicy;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostComposer;

/**
 * One execution of a planned post, as db-scheduler runs it: takes the channel (this instance's lock,
 * then the cluster's lease), settles what a crashed holder left, then posts the channel's due posts in
 * planned order, asking the {@link DeliveryPolicy} before and after each attempt and recording what it
 * says in the delivery log. Answers db-scheduler with what to do with the execution (remove it, or run
 * it again at a time).
 */
final class ChannelDelivery {

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);
    /** Posts more than this overdue belong to a past programme rather than to an outage. */
    private static final Duration OLD_PROGRAMME = Duration.ofDays(1);
    /* Recording a sent post: 100, 200, 400 ms between the tries. */
    private static final Backoff RECORD_RETRY = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 0, Duration.ZERO);
    private static final int RECORD_TRIES = 4;

    private final ChannelPoster poster;
    private final PostComposer composer;
    private final DeliveryLog deliveryLog;
    private final DeliveryPolicy policy;
    private final ChannelLeaseKeeper leases;
    private final ScheduledPosts posts;
    private final Clock clock;
    private final String instanceName;
    private final Duration pollingInterval;
    /* Posts this instance sent but could not yet record (the database was away): never sent twice from here. */
    private final Map<String, DeliveryAttempt> unrecorded = new ConcurrentHashMap<>();
    /* One thread of this instance per channel at a time; the database lease does it across instances. */
    private final Map<ChannelRef, ReentrantLock> channelLocks = new ConcurrentHashMap<>();

    ChannelDelivery(PostSchedulerBuilder<?> settings, DeliveryLog deliveryLog, ChannelLeaseKeeper leases, ScheduledPosts posts) {
        this.poster = settings.poster;
        this.composer = settings.composer;
        this.deliveryLog = deliveryLog;
        this.policy = settings.deliveryPolicy();
        this.leases = leases;
        this.posts = posts;
        this.clock = settings.clock;
        this.instanceName = settings.instanceName;
        this.pollingInterval = settings.pollingInterval;
    }

    CompletionHandler<PlannedPost> deliver(TaskInstance<PlannedPost> instance) {
        PlannedPost post;
        try {
            post = instance.getData();
        } catch (RuntimeException e) {
            log.error("Post {} cannot be read from the scheduler table and is removed: {}", instance.getId(), e.toString());
            return ChannelDelivery::remove;
        }
        if (post == null) {
            log.error("Post {} has no data in the scheduler table and is removed", instance.getId());
            return ChannelDelivery::remove;
        }
        ReentrantLock local = channelLocks.computeIfAbsent(post.channel(), channel -> new ReentrantLock());
        if (!local.tryLock()) {
            return busy(post, "another thread of this instance");
        }
        try {
            if (!leases.take(post.channel())) {
                return busy(post, "another instance");
            }
            try {
                leases.recover(post.channel(), unrecorded.keySet(), deliveryLog, poster, policy, posts::find);
                return deliverInOrder(post);
            } finally {
                leases.release(post.channel());
            }
        } finally {
            local.unlock();
        }
    }

    /* Somebody posts to the channel right now, in planned order, and may well post this one too. */
    private CompletionHandler<PlannedPost> busy(PlannedPost post, String who) {
        Instant next = clock.instant().plus(pollingInterval);
        log.debug("Post {}: {} is posting to {}; looking again in {} ms", post.id(), who, post.channel(), pollingInterval.toMillis());
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    /*
     * Holding the channel's lease: posts the channel's due posts in planned order, the running one
     * among them, and stops at the first one that has to wait for a retry, for nothing may overtake
     * it. The others' executions are tidied away (or moved to the retry time) as their posts are
     * handled; one still picked elsewhere finds its post done when it runs.
     */
    private CompletionHandler<PlannedPost> deliverInOrder(PlannedPost own) {
        Instant now = clock.instant();
        Map<String, DeliveryStatus> latest = deliveryLog.latest();
        boolean ownDone = false;
        for (ScheduledExecution<PlannedPost> execution : posts.dueIn(own.channel(), now)) {
            PlannedPost post = ScheduledPosts.dataOf(execution);
            boolean isOwn = post.id().equals(own.id());
            if (!isOwn && DeliveryPolicy.finished(latest.get(post.id()))) {
                posts.cancelOther(post);
                continue;
            }
            if (!isOwn && latest.get(post.id()) == DeliveryStatus.RETRYING && execution.getExecutionTime().isAfter(now)) {
                return ownDone ? ChannelDelivery::remove : waitBehind(own, post, execution.getExecutionTime());
            }
            if (!isOwn && !leases.take(own.channel())) {
                log.warn("Lost the lease on {} while posting to it; {} waits", own.channel(), post.id());
                return ownDone ? ChannelDelivery::remove : busy(own, "another instance");
            }
            Optional<Instant> retryAt = attempt(post);
            if (retryAt.isPresent()) {
                if (isOwn) {
                    return runAgainAt(retryAt.get());
                }
                posts.moveOther(post, retryAt.get());
                return ownDone ? ChannelDelivery::remove : waitBehind(own, post, retryAt.get());
            }
            if (isOwn) {
                ownDone = true;
            } else {
                posts.cancelOther(post);
            }
        }
        if (!ownDone) {
            /* Not among the due posts (planned later than now, say): handle it on its own. */
            Optional<Instant> retryAt = attempt(own);
            if (retryAt.isPresent()) {
                return runAgainAt(retryAt.get());
            }
        }
        return ChannelDelivery::remove;
    }

    private static CompletionHandler<PlannedPost> runAgainAt(Instant next) {
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    private CompletionHandler<PlannedPost> waitBehind(PlannedPost own, PlannedPost earlier, Instant until) {
        log.info("Post {} to {} waits for the earlier post {}, which is tried again at {}", own.id(), own.channel(),
                earlier.id(), until);
        return runAgainAt(until);
    }

    /*
     * One attempt at one post: empty when it needs no further attempt (posted now or before, skipped,
     * failed for good), else when to try again.
     */
    private Optional<Instant> attempt(PlannedPost post) {
        DeliveryAttempt pending = unrecorded.get(post.id());
        if (pending != null) {
            /* Sent by this instance earlier, but the database was away when it was to be recorded. */
            deliveryLog.record(pending);
            unrecorded.remove(post.id());
            log.info("Recorded post {} as {} (sent earlier)", post.id(), pending.status());
            return Optional.empty();
        }
        Instant now = clock.instant();
        DeliveryPolicy.Step step = policy.before(post, deliveryLog.attempts(post.id()), now);
        if (step instanceof DeliveryPolicy.Done done) {
            log.info("Post {} is {} already (attempt {} by {}); not posting again", post.id(), done.finished().status(),
                    done.finished().attempt(), done.finished().instance());
            return Optional.empty();
        }
        if (step instanceof DeliveryPolicy.Skip skip) {
            String detail = skip.outcome().detail();
            deliveryLog.record(attempt(post, skip.attempt(), now, skip.outcome()));
            /* A post missed during an outage deserves a warning; a whole past programme (an old programme.yaml)
               being skipped on first start is expected and is only noted. Both are in the delivery log. */
            if (Duration.between(post.at(), now).compareTo(OLD_PROGRAMME) > 0) {
                log.info("Skipped post {} to {}: {}", post.id(), post.channel(), detail);
            } else {
                log.warn("Skipped post {} to {}: {}", post.id(), post.channel(), detail);
            }
            return Optional.empty();
        }
        DeliveryPolicy.Go go = (DeliveryPolicy.Go) step;
        Reply reply;
        try {
            reply = composer.compose(post, go.late());
        } catch (RuntimeException e) {
            DeliveryPolicy.Outcome outcome = policy.notComposed(e);
            deliveryLog.record(attempt(post, go.attempt(), now, outcome));
            log.error("Post {} failed: {}", post.id(), outcome.detail(), e);
            return Optional.empty();
        }

        /* The note that lets an instance taking over after a crash ask the platform (ChannelLeaseKeeper.recover). */
        leases.markSending(post, now);
        PostFailure failure = null;
        try {
            poster.post(post.channel(), reply, post.id());
        } catch (PostFailure e) {
            failure = e;
        } catch (RuntimeException e) {
            /* An adapter that threw instead of reporting: treated as a temporary failure. */
            failure = PostFailure.temporary(e.toString(), null, e);
        }
        if (failure == null) {
            Instant sentAt = clock.instant();
            DeliveryPolicy.Outcome outcome = policy.after(post, go.attempt(), now, sentAt, null, ThreadLocalRandom.current());
            recordSent(attempt(post, go.attempt(), sentAt, outcome));
            leases.clearSending(post.channel());
            log.info("Posted {} to {}{}", post.id(), post.channel(), go.late() ? " (late: " + outcome.detail() + ")" : "");
            return Optional.empty();
        }
        leases.clearSending(post.channel());
        Instant failedAt = clock.instant();
        DeliveryPolicy.Outcome outcome = policy.after(post, go.attempt(), now, failedAt, failure, ThreadLocalRandom.current());
        deliveryLog.record(attempt(post, go.attempt(), failedAt, outcome));
        if (outcome.done()) {
            log.warn("Post {} to {} failed for good: {}", post.id(), post.channel(), outcome.detail());
            return Optional.empty();
        }
        log.info("Post {} to {} failed (attempt {}), retrying: {}", post.id(), post.channel(), go.attempt(), outcome.detail());
        return Optional.of(outcome.nextTry());
    }

    /*
     * The one step that must not be lost: the post is out. A database blip gets a few quick retries;
     * if it lasts longer the attempt is kept in memory, so that this instance records it (and does not
     * post again) when the execution comes round again.
     */
    private void recordSent(DeliveryAttempt attempt) {
        for (int i = 1; ; i++) {
            try {
                deliveryLog.record(attempt);
                return;
            } catch (RuntimeException e) {
                if (i == RECORD_TRIES) {
                    unrecorded.put(attempt.postId(), attempt);
                    log.error("Post {} went out but could not be recorded; this instance records it when the database is back",
                            attempt.postId(), e);
                    throw e;
                }
                sleepQuietly(RECORD_RETRY.delay(i, ThreadLocalRandom.current()));
            }
        }
    }

    private static void sleepQuietly(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DeliveryAttempt attempt(PlannedPost post, int attempt, Instant at, DeliveryPolicy.Outcome outcome) {
        return new DeliveryAttempt(post.id(), post.channel(), attempt, at, outcome.status(), outcome.detail(), instanceName);
    }

    private static void remove(ExecutionComplete complete, ExecutionOperations<PlannedPost> operations) {
        operations.remove();
    }

    /*
     * An exception escaped the execution (the delivery log was unreachable): try again soon, until the
     * grace window is over; a later run would only skip it.
     */
    void onUnexpectedFailure(ExecutionComplete complete, ExecutionOperations<PlannedPost> operations) {
        String id = complete.getExecution().getId();
        String cause = complete.getCause().map(Throwable::toString).orElse("unknown error");
        Optional<Instant> next = policy.afterError(planOf(complete), clock.instant());
        if (next.isEmpty()) {
            log.error("Post {} could not be handled and its grace window is over; removed: {}", id, cause);
            operations.remove();
            return;
        }
        log.warn("Post {} could not be handled, trying again in {} ms: {}", id, policy.backoff().base().toMillis(), cause);
        operations.reschedule(complete, next.get());
    }

    private static PlannedPost planOf(ExecutionComplete complete) {
        try {
            return (PlannedPost) complete.getExecution().taskInstance.getData();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /* The instance that claimed the post stopped sending heartbeats (it died): run it again now. */
    void onDeadExecution(ExecutionComplete complete, ExecutionOperations<PlannedPost> operations) {
        Instant now = clock.instant();
        log.warn("Post {} was claimed by {} which stopped responding; running it again", complete.getExecution().getId(),
                complete.getExecution().pickedBy);
        operations.reschedule(complete, now);
    }
}
