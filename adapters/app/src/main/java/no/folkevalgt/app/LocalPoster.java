package no.folkevalgt.app;

import java.io.PrintStream;
import java.util.Objects;

import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;

/**
 * Posts to the terminal chat: until a platform adapter exists, the programme's reminders, prompts and
 * summaries appear between the chat's replies. Only {@code local:} channels are printed; posts for
 * other platforms fail permanently here, so the delivery log shows that no adapter took them.
 */
final class LocalPoster implements ChannelPoster {

    private final PrintStream out;
    private final Object lock;

    /**
     * @param lock what the chat holds while it prints, so a post never lands inside a reply
     */
    LocalPoster(PrintStream out, Object lock) {
        this.out = Objects.requireNonNull(out, "out");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        if (!"local".equals(channel.platform())) {
            throw PostFailure.permanent("Ingen kobling til plattformen «" + channel.platform() + "» kjører", null);
        }
        String text = PlainTextRenderer.render(reply);
        if (reply.image() != null) {
            text += "\n[bilde: " + reply.image().altText() + "]";
        }
        synchronized (lock) {
            out.println();
            out.println("📣 #" + channel.id());
            out.println(text);
            out.flush();
        }
    }
}
