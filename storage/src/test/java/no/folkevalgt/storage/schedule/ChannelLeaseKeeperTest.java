package no.folkevalgt.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.delivery.Backoff;
import no.folkevalgt.core.delivery.DeliveryPolicy;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.DatabaseTestBase;
import no.folkevalgt.storage.JdbcChannelLeases;
import no.folkevalgt.storage.JdbcDeliveryLog;

/** The lease keeper on its own (H2; no scheduler, no waiting): take, renew, release, recover. */
class ChannelLeaseKeeperTest extends DatabaseTestBase {

    static final ChannelRef CHANNEL = ChannelRef.parse("local:programmet");
    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final DeliveryPolicy POLICY = new DeliveryPolicy(Duration.ofMinutes(15), Duration.ofMinutes(1), 3,
            new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2), 0, Duration.ofMinutes(15)));

    JdbcChannelLeases leases;
    JdbcDeliveryLog deliveryLog;
    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final Platform platform = new Platform();

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }

    @BeforeEach
    void create() {
        leases = new JdbcChannelLeases(db);
        deliveryLog = new JdbcDeliveryLog(db);
    }

    ChannelLeaseKeeper keeper(String name) {
        return new ChannelLeaseKeeper(leases, name, clock, LEASE);
    }

    /* What the platform says when asked whether a post went out; every question is noted. */
    static final class Platform implements ChannelPoster {
        volatile Optional<Boolean> answer = Optional.empty();
        volatile RuntimeException failure;
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public void post(ChannelRef channel, Reply reply) {
            throw new AssertionError("the keeper never posts");
        }

        @Override
        public Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
            asked.add(postId + " since " + since);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    // ---- take, renew, release ----------------------------------------------------------------

    @Test
    void oneInstanceAtATime_holdsAChannel_untilItReleasesIt() {
        ChannelLeaseKeeper a = keeper("a");
        ChannelLeaseKeeper b = keeper("b");

        assertThat(a.take(CHANNEL)).isTrue();
        assertThat(a.take(CHANNEL)).as("the holder again").isTrue();
        assertThat(b.take(CHANNEL)).isFalse();
        assertThat(b.take(ChannelRef.parse("local:kommunestyret"))).as("another channel").isTrue();

        a.release(CHANNEL);
        assertThat(b.take(CHANNEL)).isTrue();
    }

    @Test
    void aLeaseNotRenewed_runsOut_andAnotherInstanceTakesIt() {
        assertThat(keeper("a").take(CHANNEL)).isTrue();

        now.set(T0.plus(LEASE).minusSeconds(1));
        assertThat(keeper("b").take(CHANNEL)).isFalse();
        now.set(T0.plus(LEASE).plusSeconds(1));
        assertThat(keeper("b").take(CHANNEL)).isTrue();
    }

    @Test
    void renew_keepsTheChannelsHeld_andOnlyThose() {
        ChannelLeaseKeeper a = keeper("a");
        ChannelRef other = ChannelRef.parse("local:kommunestyret");
        assertThat(a.take(CHANNEL)).isTrue();
        assertThat(a.take(other)).isTrue();
        a.release(other);

        now.set(T0.plusSeconds(20));
        a.renew();
        now.set(T0.plus(LEASE).plusSeconds(10));

        assertThat(keeper("b").take(CHANNEL)).as("renewed at +20 s: held to +50 s").isFalse();
        assertThat(keeper("b").take(other)).as("released, not renewed").isTrue();
    }

    // ---- recover after a holder that died mid-post ------------------------------------------------

    /* crashed#1 took the lease a minute ago, noted that it was sending post "p" 50 s ago, and died. */
    PlannedPost crashedWhileSending(Instant plannedAt) {
        PlannedPost post = new PlannedPost("p", plannedAt, CHANNEL, PostKind.REMINDER, "Om 10 minutter", 0);
        assertThat(leases.tryAcquire(CHANNEL, "crashed#1", T0.minusSeconds(60), Duration.ofSeconds(20))).isTrue();
        assertThat(leases.markSending(CHANNEL, "crashed#1", "p", T0.minusSeconds(50))).isTrue();
        return post;
    }

    void recover(ChannelLeaseKeeper keeper, Set<String> sentHere, PlannedPost post) {
        assertThat(keeper.take(CHANNEL)).isTrue();
        keeper.recover(CHANNEL, sentHere, deliveryLog, platform, POLICY, id -> Optional.ofNullable(post).filter(p -> p.id().equals(id)));
    }

    @Test
    void aPostThePlatformHas_isRecordedSent_notPostedAgain_andTheNoteIsCleared() {
        PlannedPost post = crashedWhileSending(T0.minusSeconds(55));
        platform.answer = Optional.of(true);

        recover(keeper("survivor"), Set.of(), post);

        assertThat(platform.asked).as("asked with a minute's leeway for clocks")
                .containsExactly("p since " + T0.minusSeconds(50).minus(Duration.ofMinutes(1)));
        assertThat(deliveryLog.attempts("p")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.at()).isEqualTo(T0.minusSeconds(50));
            assertThat(a.instance()).isEqualTo("survivor");
            assertThat(a.detail()).isEqualTo("found in the channel: posted by crashed#1, which stopped before it could record it");
        });
        assertThat(leases.inFlight(CHANNEL)).isEmpty();
    }

    @Test
    void aPostFoundThatWentOutLate_isRecordedLate_afterTheAttemptsBefore() {
        PlannedPost post = crashedWhileSending(T0.minus(Duration.ofMinutes(5)));
        deliveryLog.record(new DeliveryAttempt("p", CHANNEL, 1, T0.minus(Duration.ofMinutes(4)), DeliveryStatus.RETRYING, "HTTP 503", "crashed#1"));
        platform.answer = Optional.of(true);

        recover(keeper("survivor"), Set.of(), post);

        assertThat(deliveryLog.attempts("p")).extracting(DeliveryAttempt::attempt, DeliveryAttempt::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, DeliveryStatus.RETRYING),
                        org.assertj.core.groups.Tuple.tuple(2, DeliveryStatus.LATE));
    }

    @Test
    void aPostThePlatformDoesNotHave_orCannotTellAbout_isLeftToBePosted() {
        for (Optional<Boolean> answer : List.of(Optional.of(false), Optional.<Boolean>empty())) {
            PlannedPost post = crashedWhileSending(T0.minusSeconds(55));
            platform.answer = answer;

            ChannelLeaseKeeper survivor = keeper("survivor");
            recover(survivor, Set.of(), post);

            assertThat(deliveryLog.attempts("p")).as(answer.toString()).isEmpty();
            assertThat(leases.inFlight(CHANNEL)).as(answer.toString()).isEmpty();
            survivor.release(CHANNEL);
        }
        assertThat(platform.asked).hasSize(2);
    }

    @Test
    void aPlatformThatFailsToAnswer_countsAsCannotTell() {
        PlannedPost post = crashedWhileSending(T0.minusSeconds(55));
        platform.failure = new IllegalStateException("conversations.history: HTTP 500");

        recover(keeper("survivor"), Set.of(), post);

        assertThat(platform.asked).hasSize(1);
        assertThat(deliveryLog.attempts("p")).isEmpty();
        assertThat(leases.inFlight(CHANNEL)).isEmpty();
    }

    @Test
    void aPostTheLogKnowsTheOutcomeOf_isNotAskedAbout() {
        PlannedPost post = crashedWhileSending(T0.minusSeconds(55));
        deliveryLog.record(new DeliveryAttempt("p", CHANNEL, 1, T0.minusSeconds(49), DeliveryStatus.RETRYING, "HTTP 503", "crashed#1"));

        recover(keeper("survivor"), Set.of(), post);

        assertThat(platform.asked).as("an attempt logged after the note: its outcome is known").isEmpty();
        assertThat(leases.inFlight(CHANNEL)).isEmpty();
    }

    @Test
    void itsOwnNote_ofAPostItSentButCouldNotRecord_isNotAskedAbout() {
        PlannedPost post = new PlannedPost("p", T0, CHANNEL, PostKind.REMINDER, "Om 10 minutter", 0);
        ChannelLeaseKeeper a = keeper("a");
        assertThat(a.take(CHANNEL)).isTrue();
        a.markSending(post, T0);

        a.recover(CHANNEL, Set.of("p"), deliveryLog, platform, POLICY, id -> Optional.of(post));

        assertThat(platform.asked).isEmpty();
        assertThat(leases.inFlight(CHANNEL)).isEmpty();
    }

    @Test
    void noNote_nothingToDo() {
        recover(keeper("a"), Set.of(), null);

        assertThat(platform.asked).isEmpty();
        assertThat(deliveryLog.all()).isEmpty();
    }
}
