package no.folkevalgt.app;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Sets the log level and format at run time, since LOG_LEVEL and LOG_FORMAT may come from .env, which logback does not read. */
final class Logging {

    /** The loggers of Slack's SDK (Bolt, the signature verifier, the Web API client). */
    static final String SLACK_SDK = "com.slack.api";

    private Logging() {
    }

    static void setLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            Level chosen = Level.toLevel(level, Level.WARN);
            root.setLevel(chosen);
            /* Jetty's debug logging prints request URIs and headers, which may carry the facilitator
               token: it never logs below INFO, whatever LOG_LEVEL says. */
            if (LoggerFactory.getLogger("org.eclipse.jetty") instanceof ch.qos.logback.classic.Logger jetty) {
                jetty.setLevel(chosen.isGreaterOrEqual(Level.INFO) ? null : Level.INFO);
            }
            /* Slack's SDK logs whole request bodies at DEBUG (the signature verifier: user ids, the
               anonymous reflection answers, Slack's token): never below INFO either. */
            if (LoggerFactory.getLogger(SLACK_SDK) instanceof ch.qos.logback.classic.Logger slack) {
                slack.setLevel(chosen.isGreaterOrEqual(Level.INFO) ? null : Level.INFO);
            }
        }
    }

    /**
     * {@code text} or {@code json} for the console appender's {@link LogEncoder} (logback.xml's
     * {@code STDERR}); nothing when the log goes elsewhere (another logback configuration, a test).
     */
    static void setFormat(String format) {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            setFormat(context, format);
        }
    }

    static void setFormat(ch.qos.logback.classic.LoggerContext context, String format) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("STDERR") instanceof ch.qos.logback.core.OutputStreamAppender<?> console
                && console.getEncoder() instanceof LogEncoder encoder) {
            encoder.setFormat(format);
        }
    }
}
