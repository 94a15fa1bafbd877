package no.folkevalgt.core.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** What the core and the knowledge base both need to know about a slide's lines and titles. */
public final class SlideLines {

    /* Photo credits on slides ("Foto: Shutterstock", "Photo by X on Unsplash") answer nothing. */
    private static final Pattern PHOTO_CREDIT =
            Pattern.compile("(foto|photo|bilde|illustrasjon)(\\s*:|\\s+by\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SlideLines() {
    }

    /** True when a (stripped) line is a photo credit: "Foto: Shutterstock", "Photo by X on Unsplash". */
    public static boolean isPhotoCredit(String line) {
        return PHOTO_CREDIT.matcher(line).lookingAt();
    }

    /** A title compared as words: lowercase, with every run of punctuation and whitespace turned into one space. */
    public static String key(String title) {
        return NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
