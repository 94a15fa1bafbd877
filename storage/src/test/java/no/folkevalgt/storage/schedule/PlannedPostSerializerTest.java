package no.folkevalgt.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;

class PlannedPostSerializerTest {

    private final PlannedPostSerializer serializer = new PlannedPostSerializer();

    @Test
    void aPlannedPost_roundTripsExactly_withAwkwardText() {
        PlannedPost post = new PlannedPost("prompt-2@teams:19:abc=x@thread.tacv2", Instant.parse("2019-11-05T13:15:00.123456789Z"),
                ChannelRef.parse("teams:19:abc=x@thread.tacv2"), PostKind.PROMPT,
                "Refleksjonsoppgave 2:\nHvordan vil vi ha det hos oss? #1 = «æøå» \\ 😀\r\n", 2);

        byte[] bytes = serializer.serialize(post);

        assertThat(serializer.deserialize(PlannedPost.class, bytes)).isEqualTo(post);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("kind=PROMPT").doesNotStartWith("#");
        assertThat(serializer.serialize(post)).isEqualTo(bytes);
    }

    @Test
    void nothing_isNull() {
        assertThat(serializer.serialize(null)).isNull();
        assertThat(serializer.deserialize(PlannedPost.class, null)).isNull();
    }

    @Test
    void otherDataAndBrokenBytes_areRefusedWithAReason() {
        assertThatThrownBy(() -> serializer.serialize("text")).isInstanceOf(SerializationException.class)
                .hasMessageContaining("only planned posts");
        assertThatThrownBy(() -> serializer.deserialize(PlannedPost.class, "id=x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("the field at is missing");
    }
}
