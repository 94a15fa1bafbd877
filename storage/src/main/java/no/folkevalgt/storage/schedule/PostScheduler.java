package no.folkevalgt.storage.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import no.folkevalgt.core.delivery.DeliveryPolicy;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostComposer;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcChannelLeases;

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
 * <p>It is in three parts. This class wires db-scheduler, keeps the scheduled posts in line with the
 * plan ({@link #schedule}) and says whether it works ({@link #liveness}). {@link ChannelDelivery} runs
 * a due post under the rules of {@link DeliveryPolicy} (skipped past the grace window, else sent or
 * late; retried after a temporary failure; failed for good), each attempt a line in the delivery log.
 * Posts to one channel go out one at a time and in planned order ({@link PostPlanner#ORDER}), also
 * after an outage and across instances, held by the channel's lease ({@link ChannelLeaseKeeper}),
 * which also has a post that an instance got out just before it died recorded rather than posted twice.
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

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);
    private static final int MAX_POST_ID = 512;

    private enum State { NEW, STARTED, STOPPED }

    private final DeliveryLog deliveryLog;
    private final LongSupplier nanoTime;
    private final Duration graceWindow;
    private final RetryPolicy retryPolicy;
    private final String instanceName;
    private final Duration pollingInterval;
    private final Scheduler scheduler;
    private final ScheduledPosts posts;
    private final ChannelLeaseKeeper leases;
    private final ChannelDelivery delivery;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    /* nanoTime of the last finished poll for due posts; 0 before the first. */
    private final AtomicLong lastPoll = new AtomicLong();
    private volatile long startedAt;

    PostScheduler(PostSchedulerBuilder<?> b) {
        this.deliveryLog = b.meterRegistry == null ? b.deliveryLog : new CountingDeliveryLog(b.deliveryLog, b.meterRegistry);
        this.nanoTime = b.nanoTime;
        this.graceWindow = b.graceWindow;
        this.retryPolicy = b.retryPolicy;
        this.instanceName = b.instanceName;
        this.pollingInterval = b.pollingInterval;
        this.leases = new ChannelLeaseKeeper(new JdbcChannelLeases(b.database), instanceName, b.clock, b.channelLease);
        CustomTask<PlannedPost> task = Tasks.custom(TASK_NAME, PlannedPost.class)
                .onFailure((complete, operations) -> delivery().onUnexpectedFailure(complete, operations))
                .onDeadExecution((complete, operations) -> delivery().onDeadExecution(complete, operations))
                .execute((instance, context) -> delivery().deliver(instance));
        RecurringTask<Void> retentionTask = RetentionTask.of(b);
        List<Task<?>> tasks = b.retention == null ? List.of(task) : List.of(task, retentionTask);
        var builder = Scheduler.create(b.database.dataSource(), List.of(task))
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .serializer(new PlannedPostSerializer())
                .clock(b.clock::instant)
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
                            lastPoll.set(nanoTime.getAsLong());
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
        this.posts = new ScheduledPosts(scheduler, task);
        this.delivery = new ChannelDelivery(b, deliveryLog, leases, posts);
    }

    /* The task's handlers run only after start(), when the constructor has set it. */
    private ChannelDelivery delivery() {
        return delivery;
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

    /** The settings of a post scheduler; every one but the four collaborators has a default ({@link PostSchedulerBuilder}). */
    public static final class Builder extends PostSchedulerBuilder<Builder> {
        private Builder(Database database, ChannelPoster poster, PostComposer composer, DeliveryLog deliveryLog) {
            super(database, poster, composer, deliveryLog);
        }
    }

    /**
     * Makes the scheduled posts match {@code planned}: adds those not yet scheduled, updates those whose
     * time, channel or text changed, and cancels scheduled ones that are no longer planned. Posts the
     * delivery log shows as done (sent, failed or skipped) are not scheduled again. Safe to call
     * from every instance and at every start: a post id is scheduled at most once at a time (it is
     * the execution's primary key).
     *
     * @throws IllegalArgumentException when two posts share an id
     * @throws no.folkevalgt.core.port.StoreUnavailable when the database cannot be reached
     */
    public ScheduleResult schedule(List<PlannedPost> planned) {
        Map<String, PlannedPost> wanted = new HashMap<>();
        for (PlannedPost post : planned) {
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
            for (ScheduledExecution<PlannedPost> execution : posts.all()) {
                existing.put(execution.getTaskInstance().getId(), execution);
            }
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int done = 0;
            int cancelled = 0;
            for (PlannedPost post : planned) {
                ScheduledExecution<PlannedPost> execution = existing.get(post.id());
                if (DeliveryPolicy.finished(latest.get(post.id()))) {
                    done++;
                } else if (execution == null) {
                    if (posts.add(post)) {
                        added++;
                    } else {
                        unchanged++;
                    }
                } else if (post.equals(ScheduledPosts.dataOf(execution)) || execution.isPicked() || !posts.update(post)) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
            for (ScheduledExecution<PlannedPost> execution : existing.values()) {
                String id = execution.getTaskInstance().getId();
                if (!wanted.containsKey(id) && !execution.isPicked() && posts.cancel(id)) {
                    log.info("Cancelled post {}: it is no longer planned", id);
                    cancelled++;
                }
            }
            ScheduleResult result = new ScheduleResult(added, updated, unchanged, done, cancelled);
            log.info("Scheduled {} planned posts on {}: {}", planned.size(), instanceName, result);
            return result;
        } catch (TaskInstanceException e) {
            throw new IllegalStateException("could not schedule the planned posts: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw ScheduledPosts.asStoreUnavailable(e);
        }
    }

    /** The posts waiting to go out (not yet due, or retrying), earliest first. */
    public List<PendingPost> pending() {
        try {
            return posts.pending();
        } catch (RuntimeException e) {
            throw ScheduledPosts.asStoreUnavailable(e);
        }
    }

    /** Starts polling for due posts. A scheduler starts once; after {@link #stop()}, build a new one. */
    public void start() {
        if (!state.compareAndSet(State.NEW, State.STARTED)) {
            throw new IllegalStateException("this PostScheduler was " + state.get().name().toLowerCase(Locale.ROOT)
                    + " already; a stopped scheduler cannot start again, build a new one");
        }
        startedAt = nanoTime.getAsLong();
        leases.start();
        scheduler.start();
        log.info("Post scheduler {} started (grace window {}, {})", instanceName, graceWindow, retryPolicy);
    }

    /**
     * Stops polling, lets a post being sent finish (up to the shutdown wait) and returns. Posts not
     * yet due stay in the database for the next instance or start. Calling it again does nothing.
     */
    public void stop() {
        State before = state.getAndSet(State.STOPPED);
        leases.stop();
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
     * intervals, at least 10 s, measured with the builder's {@code nanoTime}). False before
     * {@link #start()}, after {@link #stop()}, while the database cannot be reached, and when the
     * polling thread died: what {@code /readyz} reports.
     */
    public Liveness liveness() {
        if (state.get() != State.STARTED) {
            return new Liveness(false, "the post scheduler is " + state.get().name().toLowerCase(Locale.ROOT));
        }
        long last = lastPoll.get();
        Duration limit = pollingInterval.multipliedBy(3).compareTo(Duration.ofSeconds(10)) < 0
                ? Duration.ofSeconds(10) : pollingInterval.multipliedBy(3);
        if (last == 0) {
            Duration since = Duration.ofNanos(nanoTime.getAsLong() - startedAt);
            return since.compareTo(limit) > 0
                    ? new Liveness(false, "no poll for due posts since the start " + since.toSeconds() + " s ago")
                    : new Liveness(true, "started, first poll pending");
        }
        Duration since = Duration.ofNanos(nanoTime.getAsLong() - last);
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

    /** For tests: ids scheduled in the database right now. */
    Set<String> scheduledIds() {
        return posts.ids();
    }

    /** For tests: schedules {@code post} as a race could, without schedule()'s look at the delivery log. */
    void scheduleUnchecked(PlannedPost post) {
        posts.addUnchecked(post);
    }
}
