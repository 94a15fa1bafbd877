package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** What the server's own secrets do, run against H2 and PostgreSQL. */
abstract class ServerSecretsContract extends DatabaseTestBase {

    @Test
    void aSecret_isMadeOnce_andEveryInstanceOnTheDatabaseReadsTheSameOne() {
        byte[] first = new JdbcServerSecrets(db).secret("web-sessions");
        Database other = reopen();
        try {
            byte[] seenByAnotherInstance = new JdbcServerSecrets(other).secret("web-sessions");

            assertThat(first).hasSize(JdbcServerSecrets.BYTES);
            assertThat(seenByAnotherInstance).isEqualTo(first);
            assertThat(new JdbcServerSecrets(db).secret("another")).isNotEqualTo(first);
        } finally {
            other.close();
        }
    }

    @Test
    void instancesMakingTheSecretAtOnce_allGetTheSameOne() throws Exception {
        Database other = reopen();
        try {
            List<String> seen = Concurrently.run(16, 32,
                    i -> java.util.HexFormat.of().formatHex(new JdbcServerSecrets(i % 2 == 0 ? db : other).secret("web-sessions")));

            Set<String> distinct = seen.stream().collect(Collectors.toSet());
            assertThat(distinct).hasSize(1);
        } finally {
            other.close();
        }
    }

    @Test
    void aNameThatIsNotPlain_isRefused() {
        assertThatThrownBy(() -> new JdbcServerSecrets(db).secret("Web Sessions'--"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
