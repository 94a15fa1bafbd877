package no.folkevalgt.storage.schedule;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;

import no.folkevalgt.core.delivery.DeliveryPolicy;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.programme.PostComposer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcRetention;

/**
 * The settings of a {@link PostScheduler}; every one but the four collaborators has a default. Used as
 * {@link PostScheduler.Builder} (from {@link PostScheduler#builder}); it is a class of its own only to
 * keep the scheduler's file short, and generic so that each setter returns that builder.
 */
public abstract class PostSchedulerBuilder<B extends PostSchedulerBuilder<B>> {
    final Database database;
    final ChannelPoster poster;
    final PostComposer composer;
    final DeliveryLog deliveryLog;
    Clock clock = Clock.systemUTC();
    LongSupplier nanoTime = System::nanoTime;
    Duration graceWindow = Duration.ofMinutes(15);
    Duration lateAfter = Duration.ofMinutes(1);
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    String instanceName;
    int threads = 2;
    Duration pollingInterval = Duration.ofSeconds(2);
    Duration heartbeatInterval = Duration.ofSeconds(15);
    int missedHeartbeats = 4;
    Duration shutdownMaxWait = Duration.ofSeconds(30);
    Duration channelLease = Duration.ofSeconds(30);
    boolean registerShutdownHook;
    JdbcRetention retention;
    Duration retentionInterval = Duration.ofDays(1);
    MeterRegistry meterRegistry;

    PostSchedulerBuilder(Database database, ChannelPoster poster, PostComposer composer, DeliveryLog deliveryLog) {
        this.database = Objects.requireNonNull(database, "database");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The time posts are compared with, and db-scheduler's clock too; systemUTC unless set. It may
     * be offset (tests set it minutes ahead) but must tick at the speed of real time: heartbeat
     * ages are measured with it, so a faster clock makes live instances look dead.
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * The monotonic time (in nanoseconds, like {@link System#nanoTime}, its default) that
     * {@link PostScheduler#liveness()} measures the time since the last poll with.
     */
    public B nanoTime(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        return self();
    }

    /** How late a post may still go out (marked late); later ones are skipped. 15 minutes unless set. */
    public B graceWindow(Duration graceWindow) {
        this.graceWindow = positive("graceWindow", graceWindow);
        return self();
    }

    /** From how far behind its time a post is marked late. 1 minute unless set. */
    public B lateAfter(Duration lateAfter) {
        Objects.requireNonNull(lateAfter, "lateAfter");
        if (lateAfter.isNegative()) {
            throw new IllegalArgumentException("lateAfter must not be negative but was " + lateAfter);
        }
        this.lateAfter = lateAfter;
        return self();
    }

    /** How often and how soon a failed post is tried again; {@link RetryPolicy#DEFAULT} unless set. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /** The name in {@code picked_by} and in the delivery log; host and process id unless set. Unique per instance. */
    public B instanceName(String instanceName) {
        Objects.requireNonNull(instanceName, "instanceName");
        if (instanceName.isBlank() || instanceName.length() > 255) {
            throw new IllegalArgumentException("instanceName must have 1 to 255 characters but was '" + instanceName + "'");
        }
        this.instanceName = instanceName;
        return self();
    }

    /** Posts sent at the same time by this instance; 2 unless set. */
    public B threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more but was " + threads);
        }
        this.threads = threads;
        return self();
    }

    /** How often the database is asked for due posts; 2 s unless set. */
    public B pollingInterval(Duration pollingInterval) {
        this.pollingInterval = positive("pollingInterval", pollingInterval);
        return self();
    }

    /**
     * How often an instance sending a post says it is alive; 15 s unless set. After
     * {@code missedHeartbeats} (4) silent intervals another instance takes the post over, well
     * inside the grace window.
     */
    public B heartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = positive("heartbeatInterval", heartbeatInterval);
        return self();
    }

    public B missedHeartbeats(int missedHeartbeats) {
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("missedHeartbeats must be 4 or more but was " + missedHeartbeats);
        }
        this.missedHeartbeats = missedHeartbeats;
        return self();
    }

    /** How long {@link PostScheduler#stop()} waits for a post being sent; 30 s unless set. */
    public B shutdownMaxWait(Duration shutdownMaxWait) {
        this.shutdownMaxWait = positive("shutdownMaxWait", shutdownMaxWait);
        return self();
    }

    /**
     * How long a channel's lease lasts unless renewed; 30 s unless set. The instance holding it
     * renews it every third of that while it posts, so a slow post does not lose it; an instance
     * that dies holding one blocks that channel's posts until it runs out. Shorter than the grace
     * window.
     */
    public B channelLease(Duration channelLease) {
        this.channelLease = positive("channelLease", channelLease);
        return self();
    }

    /**
     * Also runs the retention task: every {@link #retentionInterval} (a day unless set), first when
     * the cluster's first instance starts, on one instance only. Off unless set; a retention with a
     * zero period runs and deletes nothing.
     */
    public B retention(JdbcRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        return self();
    }

    /** How long after one retention run the next one is due; a day unless set. */
    public B retentionInterval(Duration retentionInterval) {
        this.retentionInterval = positive("retentionInterval", retentionInterval);
        return self();
    }

    /** Where db-scheduler's, the delivery outcomes' and retention's meters go; none unless set. */
    public B meterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        return self();
    }

    /** Whether db-scheduler stops itself when the JVM exits; off unless set (the app stops it). */
    public B registerShutdownHook(boolean registerShutdownHook) {
        this.registerShutdownHook = registerShutdownHook;
        return self();
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

    /* A Retry-After longer than the grace window can never be waited for: the post fails at once. */
    DeliveryPolicy deliveryPolicy() {
        return new DeliveryPolicy(graceWindow, lateAfter, retryPolicy.maxAttempts(), retryPolicy.backoff(graceWindow));
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
        return value;
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
}
