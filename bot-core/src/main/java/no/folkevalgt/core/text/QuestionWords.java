package no.folkevalgt.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a message as the search sees them before stemming, for callers outside the knowledge
 * module that must tell a short follow-up ("hvem avgjør det?") from a question that stands alone.
 */
public final class QuestionWords {

    /* Letters (any script) and digits, with inner hyphens and apostrophes: "plan- og", "KS'" split sensibly. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");

    private QuestionWords() {
    }

    /** Every word, lower-cased, in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * The words that are not stop words of either written standard (function words, pronouns and
     * question fillers: the lists the search itself drops), lower-cased, in order.
     */
    public static List<String> contentWords(String text) {
        return words(text).stream().filter(w -> !isStopWord(w)).toList();
    }

    /** Whether the search drops this word as carrying no meaning in a question. */
    public static boolean isStopWord(String word) {
        return StopWords.contains(word);
    }
}
