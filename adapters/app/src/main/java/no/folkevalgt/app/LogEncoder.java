package no.folkevalgt.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The log's format, {@code LOG_FORMAT}: {@code text} (default), one line per event with the date,
 * time and zone offset ({@value #TEXT_PATTERN}), or {@code json}, one JSON object per line (Logback's
 * own {@link JsonEncoder}) with {@code timestamp} (epoch milliseconds), {@code time} (the same as
 * ISO-8601 with the zone offset), {@code level}, {@code loggerName}, {@code threadName},
 * {@code message} (with its arguments filled in), {@code mdc} and {@code throwable} when there is one.
 * logback.xml sets the format from the environment; {@link Logging#setFormat} sets it again when it
 * comes from {@code .env}.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {

    /** The text format's pattern: {@code 2026-11-26T09:00:00.123+01:00 INFO  PostScheduler - ...}. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24} - %msg%n";

    private volatile String format = "text";
    private volatile Encoder<ILoggingEvent> delegate;

    /** {@code text} or {@code json}; anything else is text. */
    public void setFormat(String format) {
        String chosen = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
        this.format = chosen.equals("json") ? "json" : "text";
        if (isStarted()) {
            delegate = build(this.format);
        }
    }

    public String getFormat() {
        return format;
    }

    @Override
    public void start() {
        delegate = build(format);
        super.start();
    }

    @Override
    public void stop() {
        Encoder<ILoggingEvent> current = delegate;
        if (current != null) {
            current.stop();
        }
        super.stop();
    }

    private Encoder<ILoggingEvent> build(String chosen) {
        Encoder<ILoggingEvent> encoder;
        if (chosen.equals("json")) {
            encoder = new Json();
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(TEXT_PATTERN);
            text.setCharset(StandardCharsets.UTF_8);
            encoder = text;
        }
        encoder.setContext(getContext());
        encoder.start();
        return encoder;
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /**
     * Logback's JSON encoder without what only makes lines long (the logger context, sequence numbers,
     * nanoseconds, the argument array: the message has them filled in), with the message filled in
     * under {@code message} and the time as ISO-8601 with the zone offset under {@code time}.
     */
    static final class Json extends JsonEncoder {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        private final ZoneId zone = ZoneId.systemDefault();

        Json() {
            setWithContext(false);
            setWithSequenceNumber(false);
            setWithNanoseconds(false);
            setWithArguments(false);
            setWithMessage(false);
            setWithFormattedMessage(false);
        }

        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }

        @Override
        protected void appendCustomFields(StringBuilder out, ILoggingEvent event) {
            out.append(",\"time\":\"").append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)))
                    .append("\",\"message\":\"").append(escape(event.getFormattedMessage())).append('"');
        }

        static String escape(String text) {
            if (text == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }
}
