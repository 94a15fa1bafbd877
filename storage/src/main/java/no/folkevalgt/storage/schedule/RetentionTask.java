package no.folkevalgt.storage.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.folkevalgt.storage.JdbcRetention;

/**
 * The retention task ({@value PostScheduler#RETENTION_TASK_NAME}), a db-scheduler recurring task: one
 * row for the cluster, run by one instance every retention interval.
 */
final class RetentionTask {

    private static final Logger log = LoggerFactory.getLogger(PostScheduler.class);

    private RetentionTask() {
    }

    /** The task of the builder's retention (which may be null: then the task is not started). */
    static RecurringTask<Void> of(PostSchedulerBuilder<?> b) {
        JdbcRetention retention = b.retention;
        Clock clock = b.clock;
        MeterRegistry meterRegistry = b.meterRegistry;
        return Tasks.recurring(PostScheduler.RETENTION_TASK_NAME, FixedDelay.of(b.retentionInterval))
                .execute((instance, context) -> run(retention, clock.instant(), meterRegistry));
    }

    /*
     * Deletes what is older than the retention period and logs how many rows of each kind (never their
     * content). A failure propagates: db-scheduler counts it and tries again at the next run.
     */
    private static void run(JdbcRetention retention, Instant now, MeterRegistry meterRegistry) {
        if (!retention.enabled()) {
            log.debug("Retention: RETENTION_DAYS=0, nothing is deleted");
            return;
        }
        JdbcRetention.Deleted deleted = retention.deleteExpired(now);
        log.info("Retention: deleted {} reflection answers, {} feedback marks and {} unanswered questions older than {} days",
                deleted.reflectionAnswers(), deleted.feedback(), deleted.unansweredQuestions(), retention.keep().toDays());
        if (meterRegistry != null) {
            Map.of("reflection_answers", deleted.reflectionAnswers(), "answer_feedback", deleted.feedback(),
                    "unanswered_questions", deleted.unansweredQuestions()).forEach((table, rows) ->
                    Counter.builder("folkevalgt.retention.deleted").description("Rows deleted after the retention period")
                            .tag("table", table).register(meterRegistry).increment(rows));
        }
    }
}
