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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import no.folkevalgt.core.ChannelPoster;
import no.folkevalgt.core.PostFailure;
import no.folkevalgt.core.Reply;
import no.folkevalgt.core.StoreUnavailable;
import no.folkevalgt.core.delivery.DeliveryAttempt;
import no.folkevalgt.core.delivery.DeliveryLog;
import no.folkevalgt.core.delivery.DeliveryStatus;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostComposer;
import no.folkevalgt.storage.Database;

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
 */
public final class PostScheduler implements AutoCloseable {

    /** The db-scheduler task name of planned posts in {@code scheduled_tasks}. */
    public static final String TASK_NAME = "planned-post";

    /** Posts more than this overdue belong to a past programme rather than to an outage. */
    private static final Duration OLD_PROGRAMME = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);
    private static final Set<DeliveryStatus> DONE = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.LATE,
            DeliveryStatus.FAILED, DeliveryStatus.SKIPPED);
    private static final int MAX_POST_ID = 512;

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

    private PostScheduler(Builder b) {
        this.poster = b.poster;
        this.composer = b.composer;
        this.deliveryLog = b.deliveryLog;
        this.clock = b.clock;
        this.graceWindow = b.graceWindow;
        this.lateAfter = b.lateAfter;
        this.retryPolicy = b.retryPolicy;
        this.instanceName = b.instanceName;
        this.task = Tasks.custom(TASK_NAME, PlannedPost.class)
                .onFailure(this::onUnexpectedFailure)
                .onDeadExecution(this::onDeadExecution)
                .execute((instance, context) -> deliver(instance));
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
                .jdbcCustomization(TimestampCustomization.forDialect(b.database.dialect()));
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
        scheduler.start();
        log.info("Post scheduler {} started (grace window {}, {})", instanceName, graceWindow, retryPolicy);
    }

    /**
     * Stops polling, lets a post being sent finish (up to the shutdown wait) and returns. Posts not
     * yet due stay in the database for the next instance or start. Calling it again does nothing.
     */
    public void stop() {
        State before = state.getAndSet(State.STOPPED);
        if (before == State.STARTED) {
            scheduler.stop();
            log.info("Post scheduler {} stopped", instanceName);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The name this instance claims executions under ({@code picked_by}) and records attempts with. */
    public String instanceName() {
        return instanceName;
    }

    @Override
    public String toString() {
        return "PostScheduler[" + instanceName + ", " + state.get().name().toLowerCase(Locale.ROOT) + "]";
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
        DeliveryAttempt pending = unrecorded.get(post.id());
        if (pending != null) {
            /* Sent by this instance earlier, but the database was away when it was to be recorded. */
            deliveryLog.record(pending);
            unrecorded.remove(post.id());
            log.info("Recorded post {} as {} (sent earlier)", post.id(), pending.status());
            return PostScheduler::remove;
        }

        List<DeliveryAttempt> attempts = deliveryLog.attempts(post.id());
        Optional<DeliveryAttempt> finished = attempts.stream().filter(a -> DONE.contains(a.status())).findFirst();
        if (finished.isPresent()) {
            log.info("Post {} is {} already (attempt {} by {}); not posting again", post.id(), finished.get().status(),
                    finished.get().attempt(), finished.get().instance());
            return PostScheduler::remove;
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
            return PostScheduler::remove;
        }

        boolean late = now.isAfter(post.at().plus(lateAfter));
        Reply reply;
        try {
            reply = composer.compose(post, late);
        } catch (RuntimeException e) {
            String detail = "could not compose the post: " + e;
            deliveryLog.record(attempt(post, attempt, now, DeliveryStatus.FAILED, detail));
            log.error("Post {} failed: {}", post.id(), detail, e);
            return PostScheduler::remove;
        }

        PostFailure failure = null;
        try {
            poster.post(post.channel(), reply);
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
            log.info("Posted {} to {}{}", post.id(), post.channel(), late ? " (late: " + detail + ")" : "");
            return PostScheduler::remove;
        }

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
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    private CompletionHandler<PlannedPost> failed(PlannedPost post, int attempt, Instant at, String detail) {
        deliveryLog.record(attempt(post, attempt, at, DeliveryStatus.FAILED, detail));
        log.warn("Post {} to {} failed for good: {}", post.id(), post.channel(), detail);
        return PostScheduler::remove;
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
        private boolean registerShutdownHook;

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
