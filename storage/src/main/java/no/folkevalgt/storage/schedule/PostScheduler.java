package no.folkevalgt.storage.schedule;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.folkevalgt.core.ChannelPoster;
import no.folkevalgt.core.ChannelRef;
import no.folkevalgt.core.PostFailure;
import no.folkevalgt.core.Reply;
import no.folkevalgt.core.StoreUnavailable;
import no.folkevalgt.core.delivery.DeliveryAttempt;
import no.folkevalgt.core.delivery.DeliveryLog;
import no.folkevalgt.core.delivery.DeliveryStatus;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostComposer;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcChannelLeases;
import no.folkevalgt.storage.JdbcRetention;

/**
 * Posts the planned posts at their time, once each, on a persistent and cluster-safe scheduler
 * (db-scheduler) in the application database. Any number of bot instances may share the database;
 * each post is handed to the {@link ChannelPoster} by one of them.
 *
 * <pre>{@code
 * PostScheduler scheduler = PostScheduler.builder(db, poster, composer, new JdbcDeliveryLog(db))
 *         .clock(clock)
 *         .build();
 * scheduler.schedule(plannedPosts);   // idempotent: every instance may call it at start
 * scheduler.start();
 * ...
 * scheduler.stop();                   // lets a post being sent finish
 * }</pre>
 *
 * <p>How a due post is handled, in order: already delivered (the delivery log has SENT or LATE) or
 * given up (FAILED, SKIPPED): nothing. More than the grace window after its time: SKIPPED. Otherwise
 * it is composed (marked late when more than {@code lateAfter} behind) and posted: SENT or LATE. A
 * temporary failure is RETRYING and tried again after the platform's Retry-After or an exponential
 * backoff; a permanent one, the last allowed attempt, or a retry that would land outside the grace
 * window is FAILED. Every attempt is a line in the delivery log.
 *
 * <p>Posts to one channel go out one at a time and in planned order ({@link PostPlanner#ORDER}), also
 * after an outage: an execution first takes the channel's lease ({@link JdbcChannelLeases}; a busy
 * channel means "look again after a poll interval"), then posts every due post of the channel in
 * order, its own among them, and stops at the first one waiting for a retry; later posts wait behind
 * it and go out right after it. Before each call to the platform the lease notes which post is being
 * sent; an instance that takes the lease over from one that died mid-call asks the platform
 * ({@link ChannelPoster#wasPosted}) whether that post went out, and records it rather than posting it
 * twice. Where the platform cannot tell, the post is made again: at least once, never lost.
 *
 * <p>With {@link Builder#retention} it also runs the retention task ({@value #RETENTION_TASK_NAME}): once
 * a day, on one instance of the cluster (a db-scheduler recurring task: one row, picked by one
 * instance), it deletes reflection answers, feedback and unanswered questions older than the retention
 * period and logs how many (never what). With {@link Builder#meterRegistry} it reports db-scheduler's
 * figures ({@code dbscheduler_task_*}), the delivery outcomes ({@code folkevalgt_posts_outcomes_total})
 * and what retention deleted ({@code folkevalgt_retention_deleted_total}).
 */
public final class PostScheduler implements AutoCloseable {

    /** The db-scheduler task name of planned posts in {@code scheduled_tasks}. */
    public static final String TASK_NAME = "planned-post";

    /** The db-scheduler task name of the daily retention run in {@code scheduled_tasks}. */
    public static final String RETENTION_TASK_NAME = "retention";

    /** Posts more than this overdue belong to a past programme rather than to an outage. */
    private static final Duration OLD_PROGRAMME = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);
    private static final Set<DeliveryStatus> DONE = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.LATE,
            DeliveryStatus.FAILED, DeliveryStatus.SKIPPED);
    private static final int MAX_POST_ID = 512;
    /* How far this instance's clock may be from another's or the platform's when asking whether a post went out. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private enum State { NEW, STARTED, STOPPED }

    private final ChannelPoster poster;
    private final PostComposer composer;
    private final DeliveryLog deliveryLog;
    private final Clock clock;
    private final Duration graceWindow;
    private final Duration lateAfter;
    private final RetryPolicy retryPolicy;
    private final String instanceName;
    private final CustomTask<PlannedPost> task;
    private final Scheduler scheduler;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    /* Posts this instance sent but could not yet record (the database was away): never sent twice from here. */
    private final Map<String, DeliveryAttempt> unrecorded = new ConcurrentHashMap<>();
    /* One thread of this instance per channel at a time; the database lease does it across instances. */
    private final Map<ChannelRef, ReentrantLock> channelLocks = new ConcurrentHashMap<>();
    private final JdbcChannelLeases leases;
    private final Duration channelLease;
    /* The channels this instance holds the lease on right now, renewed every third of the lease by leaseRenewer. */
    private final Set<ChannelRef> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService leaseRenewer;
    private final Duration pollingInterval;
    /* System.nanoTime() of the last finished poll for due posts; 0 before the first. */
    private final AtomicLong lastPoll = new AtomicLong();
    private volatile long startedAt;
    /* Null when no retention was asked for. */
    private final JdbcRetention retention;
    private final MeterRegistry meterRegistry;

    private PostScheduler(Builder b) {
        this.poster = b.poster;
        this.composer = b.composer;
        this.meterRegistry = b.meterRegistry;
        this.deliveryLog = b.meterRegistry == null ? b.deliveryLog : new CountingDeliveryLog(b.deliveryLog, b.meterRegistry);
        this.retention = b.retention;
        this.clock = b.clock;
        this.graceWindow = b.graceWindow;
        this.lateAfter = b.lateAfter;
        this.retryPolicy = b.retryPolicy;
        this.instanceName = b.instanceName;
        this.pollingInterval = b.pollingInterval;
        this.leases = new JdbcChannelLeases(b.database);
        this.channelLease = b.channelLease;
        this.leaseRenewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "post-lease-renewer");
            thread.setDaemon(true);
            return thread;
        });
        this.task = Tasks.custom(TASK_NAME, PlannedPost.class)
                .onFailure(this::onUnexpectedFailure)
                .onDeadExecution(this::onDeadExecution)
                .execute((instance, context) -> deliver(instance));
        RecurringTask<Void> retentionTask = Tasks.recurring(RETENTION_TASK_NAME, FixedDelay.of(b.retentionInterval))
                .execute((instance, context) -> runRetention());
        List<Task<?>> tasks = b.retention == null ? List.of(task) : List.of(task, retentionTask);
        var builder = Scheduler.create(b.database.dataSource(), List.of(task))
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .serializer(new PlannedPostSerializer())
                .clock(clock::instant)
                .threads(b.threads)
                .pollingInterval(b.pollingInterval)
                .heartbeatInterval(b.heartbeatInterval)
                .missedHeartbeatsLimit(b.missedHeartbeats)
                .shutdownMaxWait(b.shutdownMaxWait)
                .enableImmediateExecution()
                /* onUnexpectedFailure logs each failure in one line; the stack trace is there at debug level. */
                .failureLogging(LogLevel.DEBUG, true)
                .jdbcCustomization(TimestampCustomization.forDialect(b.database.dialect()))
                .addSchedulerListener(new AbstractSchedulerListener() {
                    @Override
                    public void onSchedulerEvent(SchedulerEventType type) {
                        if (type == SchedulerEventType.RAN_EXECUTE_DUE) {
                            lastPoll.set(System.nanoTime());
                        }
                    }
                });
        if (b.retention != null) {
            /* One row for the cluster: every instance schedules it if it is not there, one runs it when due. */
            builder.startTasks(retentionTask);
        }
        if (b.meterRegistry != null) {
            builder.statsRegistry(new MicrometerStatsRegistry(b.meterRegistry, tasks));
        }
        if (b.registerShutdownHook) {
            builder.registerShutdownHook();
        }
        this.scheduler = builder.build();
    }

    /**
     * Starts a builder; the four collaborators are required, everything else has a default.
     *
     * @param deliveryLog usually a {@code JdbcDeliveryLog} on the same database, so that the check
     *                    "delivered already?" sees what every instance recorded
     */
    public static Builder builder(Database database, ChannelPoster poster, PostComposer composer, DeliveryLog deliveryLog) {
        return new Builder(database, poster, composer, deliveryLog);
    }

    /**
     * Makes the scheduled posts match {@code posts}: adds those not yet scheduled, updates those whose
     * time, channel or text changed, and cancels scheduled ones that are no longer planned. Posts the
     * delivery log shows as done (sent, failed or skipped) are not scheduled again. Safe to call
     * from every instance and at every start: a post id is scheduled at most once at a time (it is
     * the execution's primary key).
     *
     * @throws IllegalArgumentException when two posts share an id
     * @throws StoreUnavailable         when the database cannot be reached
     */
    public ScheduleResult schedule(List<PlannedPost> posts) {
        Map<String, PlannedPost> wanted = new HashMap<>();
        for (PlannedPost post : posts) {
            if (post.id().length() > MAX_POST_ID) {
                throw new IllegalArgumentException("a post id has at most " + MAX_POST_ID + " characters: " + post.id());
            }
            if (wanted.put(post.id(), post) != null) {
                throw new IllegalArgumentException("two planned posts have the id " + post.id());
            }
        }
        try {
            Map<String, DeliveryStatus> latest = deliveryLog.latest();
            Map<String, ScheduledExecution<PlannedPost>> existing = new HashMap<>();
            for (ScheduledExecution<PlannedPost> execution : scheduler.getScheduledExecutionsForTask(
                    TASK_NAME, PlannedPost.class, ScheduledExecutionsFilter.all())) {
                existing.put(execution.getTaskInstance().getId(), execution);
            }
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int done = 0;
            int cancelled = 0;
            for (PlannedPost post : posts) {
                ScheduledExecution<PlannedPost> execution = existing.get(post.id());
                if (DONE.contains(latest.get(post.id()))) {
                    done++;
                } else if (execution == null) {
                    if (scheduler.scheduleIfNotExists(task.instance(post.id(), post), post.at())) {
                        added++;
                    } else {
                        unchanged++;
                    }
                } else if (post.equals(dataOf(execution)) || execution.isPicked()) {
                    unchanged++;
                } else if (reschedule(post)) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            for (ScheduledExecution<PlannedPost> execution : existing.values()) {
                String id = execution.getTaskInstance().getId();
                if (!wanted.containsKey(id) && !execution.isPicked() && cancel(id)) {
                    cancelled++;
                }
            }
            ScheduleResult result = new ScheduleResult(added, updated, unchanged, done, cancelled);
            log.info("Scheduled {} planned posts on {}: {}", posts.size(), instanceName, result);
            return result;
        } catch (TaskInstanceException e) {
            throw new IllegalStateException("could not schedule the planned posts: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw asStoreUnavailable(e);
        }
    }

    private static PlannedPost dataOf(ScheduledExecution<PlannedPost> execution) {
        try {
            return execution.getData();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean reschedule(PlannedPost post) {
        try {
            return scheduler.reschedule(task.instance(post.id()), post.at(), post);
        } catch (TaskInstanceException e) {
            /* Picked or finished between the read and now: the running execution wins. */
            log.debug("Did not update post {}: {}", post.id(), e.getMessage());
            return false;
        }
    }

    private boolean cancel(String id) {
        try {
            scheduler.cancel(task.instance(id));
            log.info("Cancelled post {}: it is no longer planned", id);
            return true;
        } catch (TaskInstanceException e) {
            log.debug("Did not cancel post {}: {}", id, e.getMessage());
            return false;
        }
    }

    /** The posts waiting to go out (not yet due, or retrying), earliest first. */
    public List<PendingPost> pending() {
        try {
            List<PendingPost> pending = new ArrayList<>();
            for (ScheduledExecution<PlannedPost> execution : scheduler.getScheduledExecutionsForTask(
                    TASK_NAME, PlannedPost.class, ScheduledExecutionsFilter.all())) {
                PlannedPost post = dataOf(execution);
                if (post != null) {
                    pending.add(new PendingPost(post, execution.getExecutionTime(), execution.isPicked()));
                }
            }
            pending.sort(Comparator.comparing(PendingPost::due).thenComparing(p -> p.post().id()));
            return pending;
        } catch (RuntimeException e) {
            throw asStoreUnavailable(e);
        }
    }

    /** Starts polling for due posts. A scheduler starts once; after {@link #stop()}, build a new one. */
    public void start() {
        if (!state.compareAndSet(State.NEW, State.STARTED)) {
            throw new IllegalStateException("this PostScheduler was " + state.get().name().toLowerCase(Locale.ROOT)
                    + " already; a stopped scheduler cannot start again, build a new one");
        }
        startedAt = System.nanoTime();
        long every = Math.max(1, channelLease.toMillis() / 3);
        leaseRenewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        scheduler.start();
        log.info("Post scheduler {} started (grace window {}, {})", instanceName, graceWindow, retryPolicy);
    }

    /**
     * Stops polling, lets a post being sent finish (up to the shutdown wait) and returns. Posts not
     * yet due stay in the database for the next instance or start. Calling it again does nothing.
     */
    public void stop() {
        State before = state.getAndSet(State.STOPPED);
        leaseRenewer.shutdownNow();
        if (before == State.STARTED) {
            scheduler.stop();
            log.info("Post scheduler {} stopped", instanceName);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Whether this scheduler is started and its poll for due posts ran lately (within three polling
     * intervals, at least 10 s). False before {@link #start()}, after {@link #stop()}, while the
     * database cannot be reached, and when the polling thread died: what {@code /readyz} reports.
     */
    public Liveness liveness() {
        if (state.get() != State.STARTED) {
            return new Liveness(false, "the post scheduler is " + state.get().name().toLowerCase(Locale.ROOT));
        }
        long last = lastPoll.get();
        Duration limit = pollingInterval.multipliedBy(3).compareTo(Duration.ofSeconds(10)) < 0
                ? Duration.ofSeconds(10) : pollingInterval.multipliedBy(3);
        if (last == 0) {
            Duration since = Duration.ofNanos(System.nanoTime() - startedAt);
            return since.compareTo(limit) > 0
                    ? new Liveness(false, "no poll for due posts since the start " + since.toSeconds() + " s ago")
                    : new Liveness(true, "started, first poll pending");
        }
        Duration since = Duration.ofNanos(System.nanoTime() - last);
        if (since.compareTo(limit) > 0) {
            return new Liveness(false, "no poll for due posts in " + since.toSeconds() + " s (expected every "
                    + pollingInterval.toMillis() + " ms)");
        }
        return new Liveness(true, "last poll " + since.toMillis() + " ms ago");
    }

    /**
     * Whether the scheduler works, and in words why not.
     *
     * @param alive  started and polling
     * @param detail what was seen, for {@code /readyz}
     */
    public record Liveness(boolean alive, String detail) {
    }

    /** The name this instance claims executions under ({@code picked_by}) and records attempts with. */
    public String instanceName() {
        return instanceName;
    }

    @Override
    public String toString() {
        return "PostScheduler[" + instanceName + ", " + state.get().name().toLowerCase(Locale.ROOT) + "]";
    }

    // ---- retention --------------------------------------------------------------------------------

    /*
     * The retention task's run: deletes what is older than the retention period and logs how many rows
     * of each kind (never their content). A failure propagates: db-scheduler counts it and tries again
     * at the next run.
     */
    private void runRetention() {
        if (!retention.enabled()) {
            log.debug("Retention: RETENTION_DAYS=0, nothing is deleted");
            return;
        }
        JdbcRetention.Deleted deleted = retention.deleteExpired(clock.instant());
        log.info("Retention: deleted {} reflection answers, {} feedback marks and {} unanswered questions older than {} days",
                deleted.reflectionAnswers(), deleted.feedback(), deleted.unansweredQuestions(), retention.keep().toDays());
        if (meterRegistry != null) {
            retained("reflection_answers", deleted.reflectionAnswers());
            retained("answer_feedback", deleted.feedback());
            retained("unanswered_questions", deleted.unansweredQuestions());
        }
    }

    private void retained(String table, int rows) {
        Counter.builder("folkevalgt.retention.deleted").description("Rows deleted after the retention period")
                .tag("table", table).register(meterRegistry).increment(rows);
    }

    /* Counts each recorded delivery attempt by status (SENT, LATE, RETRYING, FAILED, SKIPPED). */
    private record CountingDeliveryLog(DeliveryLog delegate, MeterRegistry registry) implements DeliveryLog {

        @Override
        public void record(DeliveryAttempt attempt) {
            delegate.record(attempt);
            Counter.builder("folkevalgt.posts.outcomes").description("Delivery attempts of programme posts by status")
                    .tag("status", attempt.status().name()).register(registry).increment();
        }

        @Override
        public List<DeliveryAttempt> attempts(String postId) {
            return delegate.attempts(postId);
        }

        @Override
        public List<DeliveryAttempt> all() {
            return delegate.all();
        }

        @Override
        public boolean delivered(String postId) {
            return delegate.delivered(postId);
        }

        @Override
        public Map<String, DeliveryStatus> latest() {
            return delegate.latest();
        }
    }

    // ---- execution --------------------------------------------------------------------------------

    private CompletionHandler<PlannedPost> deliver(TaskInstance<PlannedPost> instance) {
        PlannedPost post;
        try {
            post = instance.getData();
        } catch (RuntimeException e) {
            log.error("Post {} cannot be read from the scheduler table and is removed: {}", instance.getId(), e.toString());
            return PostScheduler::remove;
        }
        if (post == null) {
            log.error("Post {} has no data in the scheduler table and is removed", instance.getId());
            return PostScheduler::remove;
        }
        ReentrantLock local = channelLocks.computeIfAbsent(post.channel(), channel -> new ReentrantLock());
        if (!local.tryLock()) {
            return busy(post, "another thread of this instance");
        }
        try {
            if (!leases.tryAcquire(post.channel(), instanceName, clock.instant(), channelLease)) {
                return busy(post, "another instance");
            }
            held.add(post.channel());
            try {
                settleInFlight(post.channel());
                return deliverInOrder(post);
            } finally {
                held.remove(post.channel());
                releaseLease(post.channel());
            }
        } finally {
            local.unlock();
        }
    }

    /*
     * An instance that died (or stalled past its lease) while handing a post to the platform left a
     * note of it on the lease. Whether the platform took the post is unknown: ask the platform. Found:
     * record it as sent, so that it is not posted again. Not found, or the platform cannot tell: it is
     * posted again by the usual path (at least once rather than lost).
     */
    private void settleInFlight(ChannelRef channel) {
        Optional<JdbcChannelLeases.InFlight> note = leases.inFlight(channel);
        if (note.isEmpty()) {
            return;
        }
        JdbcChannelLeases.InFlight inFlight = note.get();
        if (!inFlight.holder().equals(instanceName) || !unrecorded.containsKey(inFlight.postId())) {
            List<DeliveryAttempt> attempts = deliveryLog.attempts(inFlight.postId());
            boolean known = attempts.stream().anyMatch(a -> DONE.contains(a.status()) || !a.at().isBefore(inFlight.since()));
            if (!known) {
                Optional<Boolean> posted;
                try {
                    posted = poster.wasPosted(channel, inFlight.postId(), inFlight.since().minus(CLOCK_SKEW));
                } catch (RuntimeException e) {
                    log.warn("Could not ask {} whether post {} went out: {}", channel, inFlight.postId(), e.toString());
                    posted = Optional.empty();
                }
                if (posted.orElse(false)) {
                    PlannedPost post = plannedPost(inFlight.postId()).orElse(null);
                    boolean late = post != null && inFlight.since().isAfter(post.at().plus(lateAfter));
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

    private Optional<PlannedPost> plannedPost(String id) {
        for (ScheduledExecution<PlannedPost> execution : scheduler.getScheduledExecutionsForTask(
                TASK_NAME, PlannedPost.class, ScheduledExecutionsFilter.all())) {
            if (execution.getTaskInstance().getId().equals(id)) {
                return Optional.ofNullable(dataOf(execution));
            }
        }
        return Optional.empty();
    }

    /* Somebody posts to the channel right now, in planned order, and may well post this one too. */
    private CompletionHandler<PlannedPost> busy(PlannedPost post, String who) {
        Instant next = clock.instant().plus(pollingInterval);
        log.debug("Post {}: {} is posting to {}; looking again in {} ms", post.id(), who, post.channel(), pollingInterval.toMillis());
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    /* Keeps the leases this instance holds from running out while a post takes long (a slow platform). */
    private void renewLeases() {
        for (ChannelRef channel : held) {
            try {
                if (!leases.renew(channel, instanceName, clock.instant(), channelLease)) {
                    log.warn("The lease on {} ran out before it could be renewed; another instance may post to it", channel);
                }
            } catch (RuntimeException e) {
                log.debug("Could not renew the lease on {}: {}", channel, e.toString());
            }
        }
    }

    private void releaseLease(ChannelRef channel) {
        try {
            leases.release(channel, instanceName);
        } catch (RuntimeException e) {
            /* It runs out by itself; this instance may take it again before that. */
            log.warn("Could not release the lease on {}: {}", channel, e.toString());
        }
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
        for (ScheduledExecution<PlannedPost> execution : dueInChannel(own, now)) {
            PlannedPost post = dataOf(execution);
            boolean isOwn = post.id().equals(own.id());
            if (!isOwn && DONE.contains(latest.get(post.id()))) {
                cancelOther(post);
                continue;
            }
            if (!isOwn && latest.get(post.id()) == DeliveryStatus.RETRYING && execution.getExecutionTime().isAfter(now)) {
                return ownDone ? PostScheduler::remove : waitBehind(own, post, execution.getExecutionTime());
            }
            if (!isOwn && !leases.tryAcquire(own.channel(), instanceName, clock.instant(), channelLease)) {
                log.warn("Lost the lease on {} while posting to it; {} waits", own.channel(), post.id());
                return ownDone ? PostScheduler::remove : busy(own, "another instance");
            }
            Optional<Instant> retryAt = attempt(post);
            if (retryAt.isPresent()) {
                if (isOwn) {
                    Instant next = retryAt.get();
                    return (complete, operations) -> operations.reschedule(complete, next);
                }
                rescheduleOther(post, retryAt.get());
                return ownDone ? PostScheduler::remove : waitBehind(own, post, retryAt.get());
            }
            if (isOwn) {
                ownDone = true;
            } else {
                cancelOther(post);
            }
        }
        if (!ownDone) {
            /* Not among the due posts (planned later than now, say): handle it on its own. */
            Optional<Instant> retryAt = attempt(own);
            if (retryAt.isPresent()) {
                Instant next = retryAt.get();
                return (complete, operations) -> operations.reschedule(complete, next);
            }
        }
        return PostScheduler::remove;
    }

    /* The channel's posts that are due (planned at or before now) and still scheduled, in planned order (PostPlanner.ORDER). */
    private List<ScheduledExecution<PlannedPost>> dueInChannel(PlannedPost own, Instant now) {
        List<ScheduledExecution<PlannedPost>> due = new ArrayList<>();
        for (ScheduledExecution<PlannedPost> execution : scheduler.getScheduledExecutionsForTask(
                TASK_NAME, PlannedPost.class, ScheduledExecutionsFilter.all())) {
            PlannedPost post = dataOf(execution);
            if (post != null && post.channel().equals(own.channel()) && !post.at().isAfter(now)) {
                due.add(execution);
            }
        }
        due.sort(Comparator.comparing(PostScheduler::dataOf, PostPlanner.ORDER));
        return due;
    }

    private CompletionHandler<PlannedPost> waitBehind(PlannedPost own, PlannedPost earlier, Instant until) {
        log.info("Post {} to {} waits for the earlier post {}, which is tried again at {}", own.id(), own.channel(),
                earlier.id(), until);
        return (complete, operations) -> operations.reschedule(complete, until);
    }

    private void cancelOther(PlannedPost post) {
        try {
            scheduler.cancel(task.instance(post.id()));
        } catch (RuntimeException e) {
            /* Picked by another thread or instance, or gone: that run finds the post done and removes it. */
            log.debug("Left the execution of post {} to its own run: {}", post.id(), e.toString());
        }
    }

    private void rescheduleOther(PlannedPost post, Instant at) {
        try {
            scheduler.reschedule(task.instance(post.id()), at);
        } catch (RuntimeException e) {
            log.debug("Could not move the execution of post {} to {}: {}", post.id(), at, e.toString());
        }
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

        List<DeliveryAttempt> attempts = deliveryLog.attempts(post.id());
        Optional<DeliveryAttempt> finished = attempts.stream().filter(a -> DONE.contains(a.status())).findFirst();
        if (finished.isPresent()) {
            log.info("Post {} is {} already (attempt {} by {}); not posting again", post.id(), finished.get().status(),
                    finished.get().attempt(), finished.get().instance());
            return Optional.empty();
        }
        int attempt = attempts.size() + 1;
        Instant now = clock.instant();
        Instant deadline = post.at().plus(graceWindow);
        if (now.isAfter(deadline)) {
            String detail = "found " + minutes(Duration.between(post.at(), now)) + " after its time, more than the grace window of "
                    + minutes(graceWindow);
            deliveryLog.record(attempt(post, attempt, now, DeliveryStatus.SKIPPED, detail));
            /* A post missed during an outage deserves a warning; a whole past programme (an old programme.yaml)
               being skipped on first start is expected and is only noted. Both are in the delivery log. */
            if (Duration.between(post.at(), now).compareTo(OLD_PROGRAMME) > 0) {
                log.info("Skipped post {} to {}: {}", post.id(), post.channel(), detail);
            } else {
                log.warn("Skipped post {} to {}: {}", post.id(), post.channel(), detail);
            }
            return Optional.empty();
        }

        boolean late = now.isAfter(post.at().plus(lateAfter));
        Reply reply;
        try {
            reply = composer.compose(post, late);
        } catch (RuntimeException e) {
            String detail = "could not compose the post: " + e;
            deliveryLog.record(attempt(post, attempt, now, DeliveryStatus.FAILED, detail));
            log.error("Post {} failed: {}", post.id(), detail, e);
            return Optional.empty();
        }

        /* The note that lets an instance taking over after a crash ask the platform (settleInFlight). */
        if (!leases.markSending(post.channel(), instanceName, post.id(), now)) {
            throw new IllegalStateException("lost the lease on " + post.channel() + " before posting " + post.id());
        }
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
            DeliveryStatus status = late ? DeliveryStatus.LATE : DeliveryStatus.SENT;
            String detail = late ? "posted " + minutes(Duration.between(post.at(), now)) + " late" : "";
            recordSent(attempt(post, attempt, clock.instant(), status, detail));
            clearSendingQuietly(post.channel());
            log.info("Posted {} to {}{}", post.id(), post.channel(), late ? " (late: " + detail + ")" : "");
            return Optional.empty();
        }
        clearSendingQuietly(post.channel());

        Instant failedAt = clock.instant();
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (failure.permanent()) {
            return failed(post, attempt, failedAt, "permanent failure: " + reason);
        }
        if (attempt >= retryPolicy.maxAttempts()) {
            return failed(post, attempt, failedAt, "gave up after " + attempt + " attempts: " + reason);
        }
        Duration wait = retryPolicy.delayAfter(attempt, failure.retryAfter().orElse(null), ThreadLocalRandom.current());
        Instant next = failedAt.plus(wait);
        if (next.isAfter(deadline)) {
            return failed(post, attempt, failedAt, reason + "; the next try (in " + wait.toMillis() + " ms) would fall outside the grace window");
        }
        String detail = reason + "; next try in " + wait.toMillis() + " ms"
                + (failure.retryAfter().isPresent() ? " (Retry-After)" : "");
        deliveryLog.record(attempt(post, attempt, failedAt, DeliveryStatus.RETRYING, detail));
        log.info("Post {} to {} failed (attempt {}), retrying: {}", post.id(), post.channel(), attempt, detail);
        return Optional.of(next);
    }

    /* The outcome is recorded (or, failing that, kept in memory): the note has done its work. */
    private void clearSendingQuietly(ChannelRef channel) {
        try {
            leases.clearSending(channel, instanceName);
        } catch (RuntimeException e) {
            /* Left behind, it only makes the next holder look in the delivery log, which has the outcome. */
            log.debug("Could not clear the note of a post being sent to {}: {}", channel, e.toString());
        }
    }

    private Optional<Instant> failed(PlannedPost post, int attempt, Instant at, String detail) {
        deliveryLog.record(attempt(post, attempt, at, DeliveryStatus.FAILED, detail));
        log.warn("Post {} to {} failed for good: {}", post.id(), post.channel(), detail);
        return Optional.empty();
    }

    /*
     * The one step that must not be lost: the post is out. A database blip gets a few quick retries;
     * if it lasts longer the attempt is kept in memory, so that this instance records it (and does not
     * post again) when the execution comes round again.
     */
    private void recordSent(DeliveryAttempt attempt) {
        for (int i = 0; ; i++) {
            try {
                deliveryLog.record(attempt);
                return;
            } catch (RuntimeException e) {
                if (i == 3) {
                    unrecorded.put(attempt.postId(), attempt);
                    log.error("Post {} went out but could not be recorded; this instance records it when the database is back",
                            attempt.postId(), e);
                    throw e;
                }
                sleepQuietly(100L << i);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DeliveryAttempt attempt(PlannedPost post, int attempt, Instant at, DeliveryStatus status, String detail) {
        return new DeliveryAttempt(post.id(), post.channel(), attempt, at, status, detail, instanceName);
    }

    private static void remove(ExecutionComplete complete, ExecutionOperations<PlannedPost> operations) {
        operations.remove();
    }

    /*
     * An exception escaped the execution (the delivery log was unreachable): try again soon, until the
     * grace window is over; a later run would only skip it.
     */
    private void onUnexpectedFailure(ExecutionComplete complete, ExecutionOperations<PlannedPost> operations) {
        Duration wait = retryPolicy.baseDelay();
        Instant next = clock.instant().plus(wait);
        String id = complete.getExecution().getId();
        String cause = complete.getCause().map(Throwable::toString).orElse("unknown error");
        Instant deadline = planOf(complete).map(post -> post.at().plus(graceWindow)).orElse(Instant.MIN);
        if (next.isAfter(deadline)) {
            log.error("Post {} could not be handled and its grace window is over; removed: {}", id, cause);
            operations.remove();
            return;
        }
        log.warn("Post {} could not be handled, trying again in {} ms: {}", id, wait.toMillis(), cause);
        operations.reschedule(complete, next);
    }

    private static Optional<PlannedPost> planOf(ExecutionComplete complete) {
        try {
            return Optional.ofNullable((PlannedPost) complete.getExecution().taskInstance.getData());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /* The instance that claimed the post stopped sending heartbeats (it died): run it again now. */
    private void onDeadExecution(ExecutionComplete complete, ExecutionOperations<PlannedPost> operations) {
        Instant now = clock.instant();
        log.warn("Post {} was claimed by {} which stopped responding; running it again", complete.getExecution().getId(),
                complete.getExecution().pickedBy);
        operations.reschedule(complete, now);
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }

    private static RuntimeException asStoreUnavailable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable unavailable) {
                return unavailable;
            }
            if (t instanceof java.sql.SQLException) {
                return new StoreUnavailable("The scheduler could not reach the database: " + t.getMessage(), e);
            }
        }
        return e;
    }

    /**
     * What {@link #schedule} did.
     *
     * @param added     newly scheduled
     * @param updated   rescheduled because the time, channel or text changed
     * @param unchanged scheduled already as planned (or being sent right now)
     * @param done      not scheduled: the delivery log shows them sent, failed or skipped
     * @param cancelled scheduled before but no longer planned
     */
    public record ScheduleResult(int added, int updated, int unchanged, int done, int cancelled) {
    }

    /**
     * A post waiting in the scheduler.
     *
     * @param post   the planned post
     * @param due    when it runs next: its time, or the time of the next retry
     * @param picked whether an instance is sending it right now
     */
    public record PendingPost(PlannedPost post, Instant due, boolean picked) {
    }

    /** The settings of a post scheduler; every one but the four collaborators has a default. */
    public static final class Builder {
        private final Database database;
        private final ChannelPoster poster;
        private final PostComposer composer;
        private final DeliveryLog deliveryLog;
        private Clock clock = Clock.systemUTC();
        private Duration graceWindow = Duration.ofMinutes(15);
        private Duration lateAfter = Duration.ofMinutes(1);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private String instanceName;
        private int threads = 2;
        private Duration pollingInterval = Duration.ofSeconds(2);
        private Duration heartbeatInterval = Duration.ofSeconds(15);
        private int missedHeartbeats = 4;
        private Duration shutdownMaxWait = Duration.ofSeconds(30);
        private Duration channelLease = Duration.ofSeconds(30);
        private boolean registerShutdownHook;
        private JdbcRetention retention;
        private Duration retentionInterval = Duration.ofDays(1);
        private MeterRegistry meterRegistry;

        private Builder(Database database, ChannelPoster poster, PostComposer composer, DeliveryLog deliveryLog) {
            this.database = Objects.requireNonNull(database, "database");
            this.poster = Objects.requireNonNull(poster, "poster");
            this.composer = Objects.requireNonNull(composer, "composer");
            this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
        }

        /**
         * The time posts are compared with, and db-scheduler's clock too; systemUTC unless set. It may
         * be offset (tests set it minutes ahead) but must tick at the speed of real time: heartbeat
         * ages are measured with it, so a faster clock makes live instances look dead.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How late a post may still go out (marked late); later ones are skipped. 15 minutes unless set. */
        public Builder graceWindow(Duration graceWindow) {
            this.graceWindow = positive("graceWindow", graceWindow);
            return this;
        }

        /** From how far behind its time a post is marked late. 1 minute unless set. */
        public Builder lateAfter(Duration lateAfter) {
            Objects.requireNonNull(lateAfter, "lateAfter");
            if (lateAfter.isNegative()) {
                throw new IllegalArgumentException("lateAfter must not be negative but was " + lateAfter);
            }
            this.lateAfter = lateAfter;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The name in {@code picked_by} and in the delivery log; host and process id unless set. Unique per instance. */
        public Builder instanceName(String instanceName) {
            Objects.requireNonNull(instanceName, "instanceName");
            if (instanceName.isBlank() || instanceName.length() > 255) {
                throw new IllegalArgumentException("instanceName must have 1 to 255 characters but was '" + instanceName + "'");
            }
            this.instanceName = instanceName;
            return this;
        }

        /** Posts sent at the same time by this instance; 2 unless set. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How often the database is asked for due posts; 2 s unless set. */
        public Builder pollingInterval(Duration pollingInterval) {
            this.pollingInterval = positive("pollingInterval", pollingInterval);
            return this;
        }

        /**
         * How often an instance sending a post says it is alive; 15 s unless set. After
         * {@code missedHeartbeats} (4) silent intervals another instance takes the post over, well
         * inside the grace window.
         */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = positive("heartbeatInterval", heartbeatInterval);
            return this;
        }

        public Builder missedHeartbeats(int missedHeartbeats) {
            if (missedHeartbeats < 4) {
                throw new IllegalArgumentException("missedHeartbeats must be 4 or more but was " + missedHeartbeats);
            }
            this.missedHeartbeats = missedHeartbeats;
            return this;
        }

        /** How long {@link #stop()} waits for a post being sent; 30 s unless set. */
        public Builder shutdownMaxWait(Duration shutdownMaxWait) {
            this.shutdownMaxWait = positive("shutdownMaxWait", shutdownMaxWait);
            return this;
        }

        /**
         * How long a channel's lease lasts unless renewed; 30 s unless set. The instance holding it
         * renews it every third of that while it posts, so a slow post does not lose it; an instance
         * that dies holding one blocks that channel's posts until it runs out. Shorter than the grace
         * window.
         */
        public Builder channelLease(Duration channelLease) {
            this.channelLease = positive("channelLease", channelLease);
            return this;
        }

        /**
         * Also runs the retention task: every {@link #retentionInterval} (a day unless set), first when
         * the cluster's first instance starts, on one instance only. Off unless set; a retention with a
         * zero period runs and deletes nothing.
         */
        public Builder retention(JdbcRetention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** How long after one retention run the next one is due; a day unless set. */
        public Builder retentionInterval(Duration retentionInterval) {
            this.retentionInterval = positive("retentionInterval", retentionInterval);
            return this;
        }

        /** Where db-scheduler's, the delivery outcomes' and retention's meters go; none unless set. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /** Whether db-scheduler stops itself when the JVM exits; off unless set (the app stops it). */
        public Builder registerShutdownHook(boolean registerShutdownHook) {
            this.registerShutdownHook = registerShutdownHook;
            return this;
        }

        public PostScheduler build() {
            if (instanceName == null) {
                instanceName = defaultInstanceName();
            }
            if (lateAfter.compareTo(graceWindow) > 0) {
                throw new IllegalArgumentException("lateAfter (" + lateAfter + ") must not be longer than the grace window ("
                        + graceWindow + ")");
            }
            if (channelLease.compareTo(graceWindow) >= 0) {
                throw new IllegalArgumentException("channelLease (" + channelLease + ") must be shorter than the grace window ("
                        + graceWindow + ")");
            }
            return new PostScheduler(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }

    static String defaultInstanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String name = host + "#" + ProcessHandle.current().pid();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** For tests: ids scheduled in the database right now. */
    Set<String> scheduledIds() {
        Set<String> ids = new HashSet<>();
        for (ScheduledExecution<PlannedPost> execution : scheduler.getScheduledExecutionsForTask(
                TASK_NAME, PlannedPost.class, ScheduledExecutionsFilter.all())) {
            ids.add(execution.getTaskInstance().getId());
        }
        return ids;
    }
}
