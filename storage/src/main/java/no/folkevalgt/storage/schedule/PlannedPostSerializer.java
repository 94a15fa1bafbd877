package no.folkevalgt.storage.schedule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;

/*
 * A planned post in scheduled_tasks.task_data as readable key=value lines (java.util.Properties),
 * rather than Java serialization: a person can read it in the table, and it does not break when a
 * class changes.
 */
final class PlannedPostSerializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof PlannedPost post)) {
            throw new SerializationException("only planned posts are scheduled here, not " + data.getClass().getName(), null);
        }
        Properties properties = new Properties();
        properties.setProperty("version", "1");
        properties.setProperty("id", post.id());
        properties.setProperty("at", post.at().toString());
        properties.setProperty("channel.platform", post.channel().platform());
        properties.setProperty("channel.id", post.channel().id());
        properties.setProperty("kind", post.kind().name());
        properties.setProperty("text", post.text());
        properties.setProperty("prompt", Integer.toString(post.prompt()));
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        /* Properties.store writes a date comment first; leave it out so equal posts give equal bytes. */
        String text = out.toString().replaceFirst("^#[^\n]*\n", "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (type != PlannedPost.class && type != Object.class) {
            throw new SerializationException("only planned posts are scheduled here, not " + type.getName(), null);
        }
        Properties properties = new Properties();
        try (InputStreamReader in = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            properties.load(in);
            PlannedPost post = new PlannedPost(required(properties, "id"), Instant.parse(required(properties, "at")),
                    new ChannelRef(required(properties, "channel.platform"), required(properties, "channel.id")),
                    PostKind.valueOf(required(properties, "kind")), required(properties, "text"),
                    Integer.parseInt(required(properties, "prompt")));
            return type.cast(post);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read a planned post from the scheduler table: " + e.getMessage(), e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("the field " + key + " is missing");
        }
        return value;
    }
}
