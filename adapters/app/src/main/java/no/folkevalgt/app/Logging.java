package no.folkevalgt.app;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Sets the log level at run time, since LOG_LEVEL may come from .env, which logback does not read. */
final class Logging {

    private Logging() {
    }

    static void setLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.toLevel(level, Level.WARN));
        }
    }
}
