package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * {@code LOG_FORMAT}: the console appender of the bundled logback.xml writes text lines with date,
 * time and zone, or, with {@code json}, one JSON object per line. Each test configures its own
 * logger context from the bundled logback.xml (the tests' own log goes elsewhere).
 */
class LogFormatTest {

    @TempDir
    java.nio.file.Path home;

    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** A logger context configured from the bundled logback.xml, with LOG_FORMAT as the environment would give it. */
    private LoggerContext configured(String logFormat) throws Exception {
        URL config = getClass().getClassLoader().getResource("logback.xml");
        assertThat(config).as("the bundled logback.xml").isNotNull();
        assertThat(config.getPath()).contains("adapters/app/");
        context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        if (logFormat != null) {
            context.putProperty("LOG_FORMAT", logFormat);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        return context;
    }

    private static LogEncoder consoleEncoder(LoggerContext context) {
        OutputStreamAppender<?> console = (OutputStreamAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
        assertThat(console).as("logback.xml's STDERR appender").isNotNull();
        return (LogEncoder) console.getEncoder();
    }

    private static LoggingEvent event(LoggerContext context, Level level, String message, Throwable thrown,
                                      Object... arguments) {
        Logger logger = context.getLogger("no.folkevalgt.storage.schedule.PostScheduler");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, arguments);
        event.setThreadName("main");
        return event;
    }

    @Test
    void logFormatJson_givesOneJsonObjectPerLine_withTimestampLevelLoggerAndMessage() throws Exception {
        LoggerContext json = configured("json");

        assertThat(consoleEncoder(json).getFormat()).isEqualTo("json");
        String line = new String(consoleEncoder(json).encode(event(json, Level.INFO,
                "Retention: deleted {} reflection answers, \"quoted\"\nand {} more", null, 3, 4)), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertThat(parsed.get("level").asText()).isEqualTo("INFO");
        assertThat(parsed.get("loggerName").asText()).isEqualTo("no.folkevalgt.storage.schedule.PostScheduler");
        assertThat(parsed.get("message").asText()).isEqualTo("Retention: deleted 3 reflection answers, \"quoted\"\nand 4 more");
        assertThat(parsed.get("threadName").asText()).isEqualTo("main");
        assertThat(parsed.get("timestamp").asLong()).isPositive();
        OffsetDateTime time = OffsetDateTime.parse(parsed.get("time").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(time.toInstant().toEpochMilli()).isEqualTo(parsed.get("timestamp").asLong());
        assertThat(parsed.has("context")).as("no logger context in every line").isFalse();
        assertThat(parsed.has("arguments")).isFalse();
    }

    @Test
    void aJsonLineWithAnException_isStillOneParsableLine() throws Exception {
        LoggerContext json = configured("json");

        String line = new String(consoleEncoder(json).encode(event(json, Level.ERROR, "Post {} failed",
                new IllegalStateException("the platform said no"), "p1")), StandardCharsets.UTF_8);

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertThat(parsed.get("level").asText()).isEqualTo("ERROR");
        assertThat(parsed.get("message").asText()).isEqualTo("Post p1 failed");
        assertThat(parsed.get("throwable").get("className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(parsed.get("throwable").get("message").asText()).isEqualTo("the platform said no");
    }

    @Test
    void byDefault_theTextFormat_hasTheDateTimeAndZone() throws Exception {
        LoggerContext text = configured(null);

        String line = new String(consoleEncoder(text).encode(event(text, Level.INFO, "Opened database {}", null,
                "jdbc:h2:mem:x")), StandardCharsets.UTF_8);

        assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  "
                + "\\S+ - Opened database jdbc:h2:mem:x\\n");
    }

    @Test
    void logFormatFromDotEnv_switchesTheRunningConsoleToJson() throws Exception {
        LoggerContext running = configured(null);
        java.nio.file.Files.writeString(home.resolve(".env"), "LOG_FORMAT=json\n");
        Settings settings = Settings.load(java.util.Map.of("BOT_HOME", home.toString()), home);

        Logging.setFormat(running, settings.logFormat());

        String line = new String(consoleEncoder(running).encode(event(running, Level.WARN, "Stopping", null)),
                StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(line).get("message").asText()).isEqualTo("Stopping");
    }

    @Test
    void aLogFormatThatIsNeither_isRefusedInNorwegian() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("LOG_FORMAT", "xml");

        Cli.Result result = cli.run("ask", "hjelp");

        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("LOG_FORMAT må være text eller json, men er «xml».");
    }
}
