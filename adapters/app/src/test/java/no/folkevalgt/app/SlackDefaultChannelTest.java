package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code SLACK_DEFAULT_CHANNEL}: with Slack set up and a programme that names no Slack channel (the
 * bundled one), every programme post goes to that channel too; a programme naming Slack channels keeps
 * its own. Shown by {@code ./bot plan --json}, which lists what {@code serve} plans.
 */
class SlackDefaultChannelTest {

    @TempDir
    Path home;

    Map<String, Integer> channels(Cli cli) throws Exception {
        Cli.Result result = cli.run("plan", "--json");
        assertThat(result.code()).as(result.err()).isZero();
        Map<String, Integer> count = new HashMap<>();
        for (JsonNode post : new ObjectMapper().readTree(result.out())) {
            count.merge(post.get("channel").asText(), 1, Integer::sum);
        }
        return count;
    }

    @Test
    void withSlackSetUp_theBundledProgrammePostsToTheDefaultChannel_too() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        cli.env.put("SLACK_DEFAULT_CHANNEL", "C0PROG");

        Map<String, Integer> count = channels(cli);

        assertThat(count).containsOnlyKeys("local:programmet", "slack:C0PROG");
        assertThat(count.get("slack:C0PROG")).isEqualTo(count.get("local:programmet")).isPositive();
    }

    @Test
    void withoutASlackToken_theDefaultChannelAlonePlansNothingForSlack() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("SLACK_DEFAULT_CHANNEL", "C0PROG");

        assertThat(channels(cli)).containsOnlyKeys("local:programmet");
    }

    @Test
    void aProgrammeThatNamesASlackChannel_keepsItsOwn() throws Exception {
        Path bundled = Path.of("../../config/programme.yaml");
        String yaml = Files.readString(bundled, StandardCharsets.UTF_8)
                .replace("  - local:programmet", "  - local:programmet\n  - slack:C0OWN");
        assertThat(yaml).contains("slack:C0OWN");
        Path programme = Files.writeString(home.resolve("programme.yaml"), yaml, StandardCharsets.UTF_8);
        Cli cli = new Cli(home);
        cli.env.put("PROGRAMME_FILE", programme.toString());
        cli.env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        cli.env.put("SLACK_DEFAULT_CHANNEL", "C0PROG");

        assertThat(channels(cli)).containsOnlyKeys("local:programmet", "slack:C0OWN");
    }
}
