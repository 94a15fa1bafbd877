package no.folkevalgt.core.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the bot answers, independent of any platform. Each adapter renders it: plain text in the
 * terminal, Block Kit in Slack, an Adaptive Card in Teams.
 *
 * <pre>{@code
 * Reply reply = Reply.builder()
 *         .text("En interpellasjon er et spørsmål til ordføreren ...")
 *         .citation(new Citation("Interpellasjon", 31, "deck.txt"))
 *         .build();
 *
 * Reply unsure = Reply.builder()
 *         .text("Jeg er ikke helt sikker, men dette kan være det du lurer på:")
 *         .suggestion(new Reply.Suggestion(new Citation("Interpellasjon", 31, "deck.txt"), "• Et spørsmål til ordføreren"))
 *         .closing("Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.")
 *         .build();
 * }</pre>
 *
 * <p>An adapter shows the blocks, then the suggestions, then the closing blocks; the citations, "Se
 * også", the image and the actions follow in the adapter's own layout.
 *
 * @param blocks      paragraphs of text, in order; at least one, none blank
 * @param suggestions slides offered when the bot is not sure of an answer ("maybe one of these"), best first
 * @param closing     paragraphs shown after the suggestions, such as an invitation to ask again; none blank
 * @param citations   the slides the answer is taken from ("Kilde")
 * @param seeAlso     further slides worth reading ("Se også")
 * @param actions     buttons the user can press, such as feedback
 * @param image       an image to show with the text (the word cloud), or null
 * @param ephemeral   true when only the asking user should see the reply
 */
public record Reply(List<String> blocks, List<Suggestion> suggestions, List<String> closing, List<Citation> citations,
                    List<Citation> seeAlso, List<Action> actions, Image image, boolean ephemeral) {

    public Reply {
        blocks = List.copyOf(blocks);
        suggestions = List.copyOf(suggestions);
        closing = List.copyOf(closing);
        citations = List.copyOf(citations);
        seeAlso = List.copyOf(seeAlso);
        actions = List.copyOf(actions);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one text block");
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).isBlank()) {
                throw new IllegalArgumentException("text block " + i + " is blank");
            }
        }
        for (int i = 0; i < closing.size(); i++) {
            if (closing.get(i).isBlank()) {
                throw new IllegalArgumentException("closing block " + i + " is blank");
            }
        }
    }

    /** A reply of plain text blocks for the channel, without citations or actions. */
    public static Reply text(String... blocks) {
        return builder().text(blocks).build();
    }

    /** A reply of plain text blocks that only the asking user sees. */
    public static Reply privateText(String... blocks) {
        return builder().text(blocks).ephemeral(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The text of the reply joined by blank lines, for logs, notifications and simple renderers: the
     * blocks, each suggestion as {@link Suggestion#text(int)}, then the closing blocks.
     */
    public String plainText() {
        List<String> parts = new ArrayList<>(blocks);
        for (int i = 0; i < suggestions.size(); i++) {
            parts.add(suggestions.get(i).text(i + 1));
        }
        parts.addAll(closing);
        return String.join("\n\n", parts);
    }

    /**
     * A slide the bot offers when it is not sure it understood the question: the member reads the
     * excerpt and the slide, and asks again when none fits.
     *
     * @param citation the slide: its title, number and file
     * @param excerpt  the slide's lines closest to the question, short; never blank
     */
    public record Suggestion(Citation citation, String excerpt) {

        public Suggestion {
            Objects.requireNonNull(citation, "citation");
            Objects.requireNonNull(excerpt, "excerpt");
            if (excerpt.isBlank()) {
                throw new IllegalArgumentException("excerpt is blank for " + citation.reference());
            }
        }

        /** The slide's title. */
        public String title() {
            return citation.title();
        }

        /**
         * The suggestion as plain text, numbered, the excerpt and source indented under the title:
         * <pre>
         * 1. Interpellasjon
         *    • Et spørsmål til ordføreren
         *    Kilde: «Interpellasjon», lysbilde 31 (deck.txt)
         * </pre>
         */
        public String text(int number) {
            StringBuilder out = new StringBuilder().append(number).append(". ").append(title());
            excerpt.lines().forEach(line -> out.append("\n   ").append(line));
            return out.append("\n   Kilde: ").append(citation.reference()).toString();
        }
    }

    /**
     * A button under the reply.
     *
     * @param id    what the adapter sends back when it is pressed, such as {@code feedback.up}
     * @param label what the button shows, such as 👍
     * @param value data sent back with the id, such as the id of the cited passage; may be empty
     */
    public record Action(String id, String label, String value) {

        public Action {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
            if (id.isBlank()) {
                throw new IllegalArgumentException("action id is blank");
            }
            if (label.isBlank()) {
                throw new IllegalArgumentException("label is blank for action " + id);
            }
        }
    }

    /**
     * An image sent with a reply.
     *
     * @param mediaType such as {@code image/png}
     * @param bytes     the encoded image; copied, never shared
     * @param altText   a description for screen readers, in Norwegian
     */
    public record Image(String mediaType, byte[] bytes, String altText) {

        public Image {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(altText, "altText");
            if (!mediaType.startsWith("image/")) {
                throw new IllegalArgumentException("mediaType must start with image/ but was " + mediaType);
            }
            if (bytes.length == 0) {
                throw new IllegalArgumentException("image has no bytes");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Image other && mediaType.equals(other.mediaType)
                    && Arrays.equals(bytes, other.bytes) && altText.equals(other.altText);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mediaType, Arrays.hashCode(bytes), altText);
        }

        @Override
        public String toString() {
            return "Image[" + mediaType + ", " + bytes.length + " bytes, " + altText + "]";
        }
    }

    /** Collects the parts of a reply; {@link #build()} checks them. */
    public static final class Builder {
        private final List<String> blocks = new ArrayList<>();
        private final List<Suggestion> suggestions = new ArrayList<>();
        private final List<String> closing = new ArrayList<>();
        private final List<Citation> citations = new ArrayList<>();
        private final List<Citation> seeAlso = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private Image image;
        private boolean ephemeral;

        private Builder() {
        }

        public Builder text(String... texts) {
            for (String text : texts) {
                blocks.add(Objects.requireNonNull(text, "text"));
            }
            return this;
        }

        public Builder suggestion(Suggestion suggestion) {
            suggestions.add(Objects.requireNonNull(suggestion, "suggestion"));
            return this;
        }

        public Builder closing(String... texts) {
            for (String text : texts) {
                closing.add(Objects.requireNonNull(text, "text"));
            }
            return this;
        }

        public Builder citation(Citation citation) {
            citations.add(Objects.requireNonNull(citation, "citation"));
            return this;
        }

        public Builder seeAlso(Citation citation) {
            seeAlso.add(Objects.requireNonNull(citation, "citation"));
            return this;
        }

        public Builder action(Action action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        public Builder image(Image image) {
            this.image = image;
            return this;
        }

        public Builder ephemeral(boolean ephemeral) {
            this.ephemeral = ephemeral;
            return this;
        }

        public Reply build() {
            return new Reply(blocks, suggestions, closing, citations, seeAlso, actions, image, ephemeral);
        }
    }
}
