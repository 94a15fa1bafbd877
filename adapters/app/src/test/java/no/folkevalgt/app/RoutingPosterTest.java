package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import org.junit.jupiter.api.Test;

/** Posts go to the adapter of the channel's platform; the delivery log's reason is Norwegian (issue 15, item 7). */
class RoutingPosterTest {

    @Test
    void aPostToAPlatformThatIsNotSetUp_failsForGood_withANorwegianReason() {
        List<ChannelRef> posted = new ArrayList<>();
        ChannelPoster web = (channel, reply) -> posted.add(channel);
        RoutingPoster routing = new RoutingPoster(Map.of("local", web));

        PostFailure failure = catchThrowableOfType(
                () -> routing.post(new ChannelRef("teams", "19:abc"), Reply.text("Hei")), PostFailure.class);

        assertThat(failure.getMessage())
                .isEqualTo("Ingen kobling til plattformen «teams» er satt opp (kanal teams:19:abc); satt opp: local");
        assertThat(failure.permanent()).isTrue();
        assertThat(posted).isEmpty();
    }
}
