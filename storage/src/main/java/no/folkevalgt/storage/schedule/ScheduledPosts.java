package no.folkevalgt.storage.schedule;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostPlanner;

/**
 * The planned posts' executions in db-scheduler's table ({@value PostScheduler#TASK_NAME}): the one
 * query that reads them, and the changes the scheduler and the delivery make to them.
 */
final class ScheduledPosts {

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);

    private final Scheduler scheduler;
    private final CustomTask<PlannedPost> task;

    ScheduledPosts(Scheduler scheduler, CustomTask<PlannedPost> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Every scheduled execution of a planned post, picked or not. */
    List<ScheduledExecution<PlannedPost>> all() {
        return scheduler.getScheduledExecutionsForTask(PostScheduler.TASK_NAME, PlannedPost.class, ScheduledExecutionsFilter.all());
    }

    /** The execution's post, or null when it cannot be read. */
    static PlannedPost dataOf(ScheduledExecution<PlannedPost> execution) {
        try {
            return execution.getData();
        } catch (RuntimeException e) {
            return null;
        }
    }

    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        all().forEach(execution -> ids.add(execution.getTaskInstance().getId()));
        return ids;
    }

    /** The posts waiting to go out (not yet due, or retrying), earliest first. */
    List<PostScheduler.PendingPost> pending() {
        List<PostScheduler.PendingPost> pending = new ArrayList<>();
        for (ScheduledExecution<PlannedPost> execution : all()) {
            PlannedPost post = dataOf(execution);
            if (post != null) {
                pending.add(new PostScheduler.PendingPost(post, execution.getExecutionTime(), execution.isPicked()));
            }
        }
        pending.sort(Comparator.comparing(PostScheduler.PendingPost::due).thenComparing(p -> p.post().id()));
        return pending;
    }

    Optional<PlannedPost> find(String id) {
        return all().stream().filter(e -> e.getTaskInstance().getId().equals(id)).findFirst().map(ScheduledPosts::dataOf);
    }

    /* The channel's posts that are due (planned at or before now) and still scheduled, in planned order (PostPlanner.ORDER). */
    List<ScheduledExecution<PlannedPost>> dueIn(ChannelRef channel, Instant now) {
        List<ScheduledExecution<PlannedPost>> due = new ArrayList<>();
        for (ScheduledExecution<PlannedPost> execution : all()) {
            PlannedPost post = dataOf(execution);
            if (post != null && post.channel().equals(channel) && !post.at().isAfter(now)) {
                due.add(execution);
            }
        }
        due.sort(Comparator.comparing(ScheduledPosts::dataOf, PostPlanner.ORDER));
        return due;
    }

    /** Schedules the post at its time unless its id is scheduled already; whether it did. */
    boolean add(PlannedPost post) {
        return scheduler.scheduleIfNotExists(task.instance(post.id(), post), post.at());
    }

    /** Schedules the post without asking whether it is there, as a race between two instances could. */
    void addUnchecked(PlannedPost post) {
        scheduler.schedule(task.instance(post.id(), post), post.at());
    }

    /** Moves the post's execution to its (new) time with its (new) data; false when it is picked or gone. */
    boolean update(PlannedPost post) {
        try {
            return scheduler.reschedule(task.instance(post.id()), post.at(), post);
        } catch (TaskInstanceException e) {
            /* Picked or finished between the read and now: the running execution wins. */
            log.debug("Did not update post {}: {}", post.id(), e.getMessage());
            return false;
        }
    }

    /** Cancels the post's execution; false when it is picked or gone. */
    boolean cancel(String id) {
        try {
            scheduler.cancel(task.instance(id));
            return true;
        } catch (TaskInstanceException e) {
            log.debug("Did not cancel post {}: {}", id, e.getMessage());
            return false;
        }
    }

    /* Another execution's post was handled by this one: its own run is not needed. */
    void cancelOther(PlannedPost post) {
        try {
            scheduler.cancel(task.instance(post.id()));
        } catch (RuntimeException e) {
            /* Picked by another thread or instance, or gone: that run finds the post done and removes it. */
            log.debug("Left the execution of post {} to its own run: {}", post.id(), e.toString());
        }
    }

    void moveOther(PlannedPost post, Instant at) {
        try {
            scheduler.reschedule(task.instance(post.id()), at);
        } catch (RuntimeException e) {
            log.debug("Could not move the execution of post {} to {}: {}", post.id(), at, e.toString());
        }
    }

    /** The database behind db-scheduler's failure, as the stores report it; else the failure as it is. */
    static RuntimeException asStoreUnavailable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable unavailable) {
                return unavailable;
            }
            if (t instanceof SQLException) {
                return new StoreUnavailable("The scheduler could not reach the database: " + t.getMessage(), e);
            }
        }
        return e;
    }
}
