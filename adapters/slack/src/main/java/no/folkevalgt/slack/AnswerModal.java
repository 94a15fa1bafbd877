package no.folkevalgt.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.Reply;

/**
 * The "Svar" modal under a posted reflection prompt: the form (the prompt's title, one text field,
 * "Send svar" and "Avbryt"), what it carries in {@code private_metadata} (the prompt's number and the
 * channel, nothing about who may answer), the confirmation it turns into, and the error shown under
 * the field. Keeps within Slack's limits for modals: 24 characters for a title and a button, 3,000 for
 * {@code private_metadata} and a text.
 */
final class AnswerModal {

    /** The modal's callback id, the same as the button's action id. */
    static final String CALLBACK_ID = ActionIds.REFLECTION_ANSWER;
    /** The input block's id: where its value is found, and where an error is shown. */
    static final String INPUT_BLOCK = "answer";
    /** The text field's action id inside {@link #INPUT_BLOCK}. */
    static final String INPUT_ACTION = "text";

    static final String LABEL = "Ditt svar";
    static final String SUBMIT = "Send svar";
    static final String CLOSE = "Avbryt";
    static final String DONE = "Lukk";
    static final String PLACEHOLDER = "Skriv svaret ditt her";

    /** Slack's limit for a modal's title, submit and close texts. */
    static final int MAX_TITLE = 24;
    /**
     * The most an error under the field may say. Slack's documentation names no figure for these
     * strings; Block Kit's other one-line texts (placeholders, option texts) stop at 150, so this does
     * too. The core's reasons are all shorter; a longer one is cut after its last whole sentence.
     */
    static final int MAX_ERROR = 150;
    static final int MAX_METADATA = 3000;

    /** The button's value was not a prompt number. */
    static final String NOT_A_PROMPT = "Beklager, jeg forstod ikke hvilken refleksjonsoppgave knappen gjelder. "
            + "Svar med /refleksjon <svaret ditt>.";
    /** The form's metadata could not be read (a forged or damaged submission). */
    static final String UNREADABLE = "Skjemaet kunne ikke leses, så svaret ble ikke lagret. "
            + "Lukk det og trykk «Svar» under oppgaven igjen.";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Z0-9]{1,24}");

    private AnswerModal() {
    }

    /** Why the form was not opened for prompt {@code prompt}: the programme no longer has it. */
    static String noSuchPrompt(int prompt) {
        return "Refleksjonsoppgave " + prompt + " finnes ikke lenger i programmet, så det er ingenting å svare på her.";
    }

    /** Why the form was not opened although the prompt exists (Slack refused it, or it took too long). */
    static String notOpened(int prompt) {
        return "Beklager, jeg fikk ikke åpnet skjemaet. Trykk «Svar» igjen, eller svar med /refleksjon "
                + prompt + " <svaret ditt>.";
    }

    /**
     * What the modal carries through Slack: the prompt's number and the channel the button was in. It
     * comes back in the submission unsigned by us, so it is read as a claim: never who answers (that is
     * the submission's user), and only a prompt number the core then checks.
     *
     * @param channel the channel id, or null when the button was not in a channel
     */
    record Metadata(int prompt, String channel) {

        String json() {
            JsonObject json = new JsonObject();
            json.addProperty("prompt", prompt);
            if (channel != null) {
                json.addProperty("channel", channel);
            }
            return json.toString();
        }

        /** The metadata when it is what {@link #json()} writes; empty for anything else. */
        static Optional<Metadata> parse(String text) {
            if (text == null || text.isBlank() || text.length() > MAX_METADATA) {
                return Optional.empty();
            }
            JsonObject json;
            try {
                JsonElement parsed = JsonParser.parseString(text);
                if (!parsed.isJsonObject()) {
                    return Optional.empty();
                }
                json = parsed.getAsJsonObject();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            Optional<Integer> prompt = Optional.ofNullable(json.get("prompt"))
                    .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsJsonPrimitive)
                    .filter(JsonPrimitive::isNumber).map(JsonPrimitive::getAsString).flatMap(AnswerModal::promptNumber);
            if (prompt.isEmpty()) {
                return Optional.empty();
            }
            JsonElement channel = json.get("channel");
            String id = channel != null && channel.isJsonPrimitive() && channel.getAsJsonPrimitive().isString()
                    && CHANNEL.matcher(channel.getAsString()).matches() ? channel.getAsString() : null;
            return Optional.of(new Metadata(prompt.get(), id));
        }
    }

    /** A prompt number as a button's value or the metadata holds it: 1 to 9999, digits only. */
    static Optional<Integer> promptNumber(String value) {
        if (value == null || !NUMBER.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(value.strip());
        return number < 1 ? Optional.empty() : Optional.of(number);
    }

    /** A channel id as Slack writes them (C…, G…, D…), or null for anything else. */
    static String channelId(String id) {
        return id != null && CHANNEL.matcher(id).matches() ? id : null;
    }

    /** The form for prompt {@code prompt}: its title over one text field of at most 1,000 characters. */
    static View form(int prompt, String promptTitle, String channel) {
        List<LayoutBlock> blocks = new ArrayList<>();
        /* plain_text: a title from the programme file is shown as written and formats nothing. */
        blocks.add(SectionBlock.builder().text(plain(promptTitle, BlockKit.MAX_TEXT)).build());
        blocks.add(InputBlock.builder()
                .blockId(INPUT_BLOCK)
                .label(plain(LABEL, 2000))
                .element(PlainTextInputElement.builder()
                        .actionId(INPUT_ACTION)
                        .multiline(true)
                        .maxLength(ReflectionAnswer.MAX_LENGTH)
                        .placeholder(plain(PLACEHOLDER, 150))
                        .build())
                .build());
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(title(prompt))
                .submit(ViewSubmit.builder().type("plain_text").text(SUBMIT).build())
                .close(ViewClose.builder().type("plain_text").text(CLOSE).build())
                .privateMetadata(new Metadata(prompt, channelId(channel)).json())
                .blocks(blocks)
                .build();
    }

    /**
     * What the modal turns into once the answer is stored: the core's confirmation (which never
     * quotes the answer) and a close button. Seen only by the member, in the modal.
     */
    static View confirmation(int prompt, Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String block : reply.blocks()) {
            if (!block.isBlank() && blocks.size() < 20) {
                blocks.add(SectionBlock.builder().text(plain(block, BlockKit.MAX_TEXT)).build());
            }
        }
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + ".done")
                .title(title(prompt))
                .close(ViewClose.builder().type("plain_text").text(DONE).build())
                .blocks(blocks)
                .build();
    }

    /** The member's answer in a submitted form; empty when the field is missing. */
    static String answer(ViewState state) {
        if (state == null || state.getValues() == null) {
            return "";
        }
        Map<String, ViewState.Value> block = state.getValues().get(INPUT_BLOCK);
        ViewState.Value value = block == null ? null : block.get(INPUT_ACTION);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }

    /** The reason nothing was stored, as one line under the field, within {@link #MAX_ERROR}. */
    static String error(Reply reply) {
        return error(String.join(" ", reply.blocks()).strip());
    }

    static String error(String reason) {
        String text = reason.replaceAll("\\s+", " ").strip();
        if (text.length() <= MAX_ERROR) {
            return text;
        }
        int end = text.lastIndexOf(". ", MAX_ERROR - 1);
        if (end > 0) {
            return text.substring(0, end + 1);
        }
        return BlockKit.truncate(text, MAX_ERROR - 1).strip() + "…";
    }

    /** "Refleksjonsoppgave 2", or "Oppgave 12345" should a number not leave room (Slack's 24). */
    static ViewTitle title(int prompt) {
        String text = "Refleksjonsoppgave " + prompt;
        if (text.length() > MAX_TITLE) {
            text = BlockKit.truncate("Oppgave " + prompt, MAX_TITLE);
        }
        return ViewTitle.builder().type("plain_text").text(text).emoji(true).build();
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(BlockKit.truncate(text, max)).emoji(true).build();
    }
}
