package no.folkevalgt.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;

/**
 * Renders a {@link Reply} as Block Kit: a section per text block; each suggestion as a section (its
 * title in bold over its excerpt) with its source as context; the closing text as sections; the source
 * and "Se også" as context; the reply's buttons as an actions block (the "Svar" button under a
 * posted reflection prompt as the primary one, its value the prompt's number). Everything the bot or a user
 * wrote is escaped for mrkdwn, so {@code <!channel>} in a question pings nobody. Respects Slack's
 * limits: 3,000 characters per text, 50 blocks per message, 2,000 characters per button value.
 */
final class BlockKit {

    static final int MAX_TEXT = 3000;
    static final int MAX_BLOCKS = 50;
    static final int MAX_VALUE = 2000;
    static final int MAX_FALLBACK = 3000;

    /** The action id of the "Del i kanalen" button; its value is the question. */
    static final String SHARE = "share";
    static final String SHORTENED = "… (svaret er forkortet)";

    private BlockKit() {
    }

    /**
     * How to render.
     *
     * @param question the question the reply answers, carried in the feedback buttons' values; may be empty
     * @param share    add a "Del i kanalen" button (for a private answer to a question worth sharing)
     * @param askedBy  when shared: the user who asked, shown with the question above the answer; else null
     */
    record Options(String question, boolean share, String askedBy) {
        static final Options PLAIN = new Options("", false, null);
    }

    /** A message: fallback text for notifications and the blocks. */
    record Rendered(String text, List<LayoutBlock> blocks) {
    }

    static Rendered render(Reply reply, Options options) {
        List<LayoutBlock> head = new ArrayList<>();
        if (options.askedBy() != null) {
            head.add(context(List.of("<@" + options.askedBy() + "> spurte: «" + escape(options.question()) + "»")));
        }
        List<LayoutBlock> tail = new ArrayList<>();
        if (!reply.citations().isEmpty()) {
            tail.add(context(reply.citations().stream()
                    .map(c -> "Kilde: " + escape(c.reference())).toList()));
        }
        if (!reply.seeAlso().isEmpty()) {
            tail.add(context(List.of("Se også: " + reply.seeAlso().stream().map(Citation::shortReference)
                    .map(BlockKit::escape).collect(Collectors.joining(" · ")))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (Reply.Action action : reply.actions()) {
            buttons.add(button(action, options.question()));
        }
        if (options.share()) {
            buttons.add(ButtonElement.builder()
                    .actionId(SHARE)
                    .text(plain("Del i kanalen", 75))
                    .value(truncate(options.question(), MAX_VALUE))
                    .build());
        }
        if (!buttons.isEmpty()) {
            tail.add(ActionsBlock.builder().elements(buttons.subList(0, Math.min(25, buttons.size()))).build());
        }

        List<LayoutBlock> suggestions = suggestions(reply);

        List<String> sections = new ArrayList<>();
        for (String block : reply.blocks()) {
            sections.addAll(split(escape(block), MAX_TEXT));
        }
        int room = MAX_BLOCKS - head.size() - suggestions.size() - tail.size();
        if (sections.size() > room) {
            sections = new ArrayList<>(sections.subList(0, room - 1));
            sections.add(SHORTENED);
        }
        List<LayoutBlock> blocks = new ArrayList<>(head);
        for (String section : sections) {
            blocks.add(section(section));
        }
        blocks.addAll(suggestions);
        blocks.addAll(tail);
        return new Rendered(fallback(reply), blocks);
    }

    /*
     * Each suggested slide as a section, "*1. Title*" over its excerpt, then its source as context; then
     * the closing text. A reply has at most a handful of these (Answer.MAX_SUGGESTIONS), so the text
     * blocks above them give way when a message would pass 50 blocks.
     */
    private static List<LayoutBlock> suggestions(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < reply.suggestions().size(); i++) {
            Reply.Suggestion suggestion = reply.suggestions().get(i);
            Citation c = suggestion.citation();
            String heading = truncate("*" + (i + 1) + ". " + escape(c.title()) + "*", MAX_TEXT / 2);
            blocks.add(section(split(heading + "\n" + escape(suggestion.excerpt()), MAX_TEXT).get(0)));
            blocks.add(context(List.of("Kilde: " + escape(c.reference()))));
        }
        for (String closing : reply.closing()) {
            for (String part : split(escape(closing), MAX_TEXT)) {
                blocks.add(section(part));
            }
        }
        return blocks;
    }

    /*
     * A reply's button. A feedback button's value carries the question with the passage; the "Svar"
     * button under a posted prompt carries only its prompt number and is the primary action.
     */
    private static ButtonElement button(Reply.Action action, String question) {
        ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                .actionId(action.id())
                .text(plain(action.label(), 75));
        if (ActionIds.REFLECTION_ANSWER.equals(action.id())) {
            return button.value(truncate(action.value(), MAX_VALUE)).style("primary").build();
        }
        return button.value(value(action.value(), question)).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    /** The notification text: the reply's text, escaped, shortened to Slack's comfortable length. */
    static String fallback(Reply reply) {
        String text = escape(reply.plainText());
        List<String> parts = split(text, MAX_FALLBACK);
        return parts.size() == 1 ? parts.get(0) : parts.get(0) + " …";
    }

    /** A feedback button's value: the passage id, a newline, then the question (cut to fit 2,000 characters). */
    static String value(String passageId, String question) {
        if (question == null || question.isEmpty()) {
            return truncate(passageId, MAX_VALUE);
        }
        return truncate(passageId + "\n" + question, MAX_VALUE);
    }

    /** Escapes the three characters mrkdwn gives meaning to, as Slack's formatting guide asks. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Undoes Slack's escaping of user text in events and commands, so the bot sees what was typed. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Splits escaped text into pieces of at most {@code max} characters, at a line break or space when
     * there is one, never inside an entity such as {@code &amp;} or a surrogate pair.
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = max;
                int amp = rest.lastIndexOf('&', cut - 1);
                if (amp >= 0 && cut - amp < 5 && rest.indexOf(';', amp) >= cut) {
                    cut = amp;
                }
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isBlank() || parts.isEmpty()) {
            parts.add(rest.isBlank() ? " " : rest);
        }
        return parts;
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    private static ContextBlock context(List<String> texts) {
        List<com.slack.api.model.block.ContextBlockElement> elements = new ArrayList<>();
        for (String text : texts.subList(0, Math.min(10, texts.size()))) {
            elements.add(MarkdownTextObject.builder().text(truncate(text, MAX_TEXT)).build());
        }
        return ContextBlock.builder().elements(elements).build();
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(truncate(text, max)).emoji(true).build();
    }
}
