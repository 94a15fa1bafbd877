package no.folkevalgt.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.core.port.Reply;

/**
 * The bot's own sentences as Teams users act on them (issue 17, item 3). The core names commands in
 * their canonical slash form ({@code /refleksjon mine}); Teams users type them without the slash, as
 * the app manifest's command list offers them ({@code refleksjon}), and answer a posted prompt in the
 * card's own field rather than with a command.
 *
 * <p>Only the bot's words are reworded, never a member's or the material's:
 * <ul>
 *   <li>The rewrite runs on a reply's text blocks and closing blocks only; suggestions, citations and
 *       "Se også" (slide text and titles) are left as they are.</li>
 *   <li>Inside a block, quoted text ({@code «…»}) is left as it is. Where the core quotes what a member
 *       wrote (an answer in {@code /refleksjon mine}, a question in "(tolket som «…»)"), the quote ends
 *       its block; since a member's text may itself hold {@code »}, a block that ends in a quote is left
 *       as it is from its first {@code «} on. Elsewhere each {@code «…»} (a prompt's title) is skipped.</li>
 * </ul>
 */
final class TeamsWording {

    /** What a posted prompt's card says instead of "Svar med /refleksjon <svaret ditt>.". */
    static final String ANSWER_IN_THE_CARD = "Skriv svaret i feltet under og trykk «Send svar».";

    /**
     * The core's command as a word of its own, after a space, a bracket or the start: not part of a
     * longer word, a path or a URL.
     */
    private static final Pattern COMMAND = Pattern.compile("(?<![^\\s(\\[\"“'])/refleksjon(?![\\p{L}\\p{N}_/-])");
    /** How the core's prompt post says to answer; the card's field does that in Teams. */
    private static final Pattern PROMPT_HOW_TO = Pattern.compile("^Svar med /refleksjon (?:\\d{1,9} )?<svaret ditt>\\.\\s*");
    /** The summary's invitation to answer late (ReflectionSummaries): in a channel, the card's field is the private way. */
    private static final Pattern LATE_INVITATION = Pattern.compile("^Du kan fortsatt svare: /refleksjon (\\d{1,9}) <svaret ditt>$");
    /** A block whose last words are a quote, then at most closing punctuation. */
    private static final Pattern ENDS_IN_QUOTE = Pattern.compile("»[\\s.,:;!?)]*$");

    private TeamsWording() {
    }

    /** The reply with its text blocks and closing blocks worded for Teams; everything else as it was. */
    static Reply reply(Reply reply) {
        return new Reply(blocks(reply.blocks()), reply.suggestions(), blocks(reply.closing()), reply.citations(),
                reply.seeAlso(), reply.actions(), reply.image(), reply.ephemeral());
    }

    /**
     * The blocks of a posted prompt whose card has an answer field: the sentence telling to answer with
     * the command becomes {@link #ANSWER_IN_THE_CARD}; the rest of that block (the word limit, anonymity,
     * when the summary comes) stays.
     */
    static List<String> promptBlocks(List<String> blocks) {
        List<String> out = new ArrayList<>(blocks.size());
        for (String block : blocks) {
            Matcher howTo = PROMPT_HOW_TO.matcher(block);
            if (howTo.find()) {
                String rest = block.substring(howTo.end());
                out.add(ANSWER_IN_THE_CARD + (rest.isEmpty() ? "" : " " + text(rest)));
            } else {
                out.add(text(block));
            }
        }
        return out;
    }

    /** Whether this block is the prompt post's "how to answer" sentence (and the limits after it). */
    static boolean isPromptHowTo(String block) {
        return PROMPT_HOW_TO.matcher(block).find() || block.startsWith(ANSWER_IN_THE_CARD);
    }

    static List<String> blocks(List<String> blocks) {
        List<String> out = new ArrayList<>(blocks.size());
        for (String block : blocks) {
            out.add(text(block));
        }
        return out;
    }

    /** One block of the bot's text, worded for Teams; quoted text in it is left as it is. */
    static String text(String block) {
        if (!block.contains("/refleksjon")) {
            return block;
        }
        Matcher invitation = LATE_INVITATION.matcher(block);
        if (invitation.matches()) {
            return "Du kan fortsatt svare i feltet på oppgavekortet, eller med refleksjon " + invitation.group(1)
                    + " <svaret ditt> i en privat chat med meg.";
        }
        int firstQuote = block.indexOf('«');
        if (firstQuote >= 0 && ENDS_IN_QUOTE.matcher(block).find()) {
            /* The quote that ends the block may be a member's text, » and all: nothing from its first « on is touched. */
            return unquoted(block.substring(0, firstQuote)) + block.substring(firstQuote);
        }
        StringBuilder out = new StringBuilder(block.length());
        int at = 0;
        while (at < block.length()) {
            int open = block.indexOf('«', at);
            if (open < 0) {
                out.append(unquoted(block.substring(at)));
                break;
            }
            out.append(unquoted(block.substring(at, open)));
            int close = block.indexOf('»', open + 1);
            int end = close < 0 ? block.length() : close + 1;
            out.append(block, open, end);
            at = end;
        }
        return out.toString();
    }

    private static String unquoted(String text) {
        return COMMAND.matcher(text).replaceAll("refleksjon");
    }
}
