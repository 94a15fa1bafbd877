package no.folkevalgt.app;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;

/**
 * Everything the bot logs while a test runs, in place of the usual appenders: {@link #start()} sets
 * the root logger's appenders aside and collects the events, {@link #stop()} puts them and the root
 * level back.
 */
final class CapturedLog {

    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> setAside = new ArrayList<>();
    private Level rootLevel;

    void start() {
        rootLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(setAside::add);
        setAside.forEach(root::detachAppender);
        events.start();
        root.addAppender(events);
    }

    void stop() {
        root.detachAppender(events);
        setAside.forEach(root::addAppender);
        setAside.clear();
        root.setLevel(rootLevel);
    }

    /** The events logged since {@link #start()}. */
    List<ILoggingEvent> events() {
        return events.list;
    }
}
