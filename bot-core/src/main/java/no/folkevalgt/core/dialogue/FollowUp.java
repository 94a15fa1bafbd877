package no.folkevalgt.core.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import no.folkevalgt.core.text.QuestionWords;

/**
 * Tells a follow-up from a question that stands alone, by the shape of ordinary Norwegian (Bokmål and
 * Nynorsk): a request for more ("si mer", "kan du fortelje meir?"), a question about the answer's
 * language ("og på nynorsk?"), or a short question that points back with a pronoun or starts with a
 * connective ("hvem avgjør det?", "hvor ofte skal vi snakke med henne?", "og varaordføreren?").
 */
public enum FollowUp {

    /** Show the next passages for the conversation's topic. */
    MORE,
    /** Asks for the answer in another written standard or language. */
    LANGUAGE,
    /** A question to be read together with the conversation's topic. */
    CONTEXT,
    /** A question that stands alone. */
    ALONE;

    /** Longest message, in words, that is read as a follow-up because of a pronoun or connective. */
    static final int MAX_WORDS = 10;

    private static final String MORE_WORD = "(mer|meir|mere)";
    private static final String ABOUT_IT = "( om (det|dette|den|denne|emnet|temaet|saken|saka))?";
    private static final String POLITE = "( takk| da| vel)?";
    private static final Pattern MORE_PATTERN = Pattern.compile(String.join("|",
            "((og|men) )?(((kan|kunne|vil) (du|dere) )?(si|sei|seie|fortell|fortelle|fortel|fortelje|forklar|forklare|"
                    + "forklara|vis|vise|visa|skriv|skrive|skriva|gi|gje) ((meg|oss) )?)?((litt|noe|noko|enda|endå) )?"
                    + MORE_WORD + ABOUT_IT + POLITE,
            "(hva|kva|noe|noko|finnes det|fins det|står det) " + MORE_WORD + "( står det| finnes| fins)?" + ABOUT_IT + POLITE,
            "(utdyp|utdjup|fortsett|hald fram|hold fram)( det| dette)?( litt)?" + POLITE,
            "(flere|fleire) (detaljer|detaljar|lysbilder|lysbilete|lysbilde)" + POLITE,
            "((kan|kunne) du )?(forklar|forklare|forklara) (det|dette|den|denne) ?(nærmere|nærmare|bedre|betre|grundigere|grundigare)"
                    + POLITE,
            /* English, as the search also takes English questions */
            "((and|but) )?((can|could) you )?(tell|show|give) (me|us) (some )?more( about (it|that|this))?( please)?",
            "(more|more please|go on|anything else|what else)( about (it|that|this))?"));
    /* Asking for an example of what was just answered: read with the topic, which has the subject. */
    private static final Pattern EXAMPLE_PATTERN = Pattern.compile(
            "((og|men) )?((kan|kunne) du )?((gi|gje|vis|vise|nevn|nevne|nemn) ((meg|oss) )?)?((et|eit|noen|nokre|noen flere|nokre fleire) )?"
                    + "(eksempel|eksempler|eksemplar|døme|dømer|døme på det)( på (det|dette|den|denne))?" + POLITE
                    + "|(har|finnes|fins|finst) (du |det )?(et |eit |noen |nokre )?(eksempel|eksempler|døme)( på (det|dette))?"
                    + "|(for|til) (eksempel|døme)");
    private static final Pattern LANGUAGE_PATTERN = Pattern.compile(
            "((og|men) )?(((kan|kunne|vil) (du|dere) )?((svare|svara|skrive|skriva|si|sei|seie|vise|visa|ta) )?"
                    + "(det |dette |svaret )?(også )?)?(på|paa) (nynorsk|bokmål|bokmal|engelsk)( også)?" + POLITE);
    private static final List<String> CONNECTIVES = List.of("og ", "men ", "hva med ", "kva med ", "hva om ",
            "kva om ", "enn ", "også ", "og hva med ", "og kva med ", "hva så med ", "kva så med ");
    /* Third-person pronouns point back at whoever the last answer was about. */
    private static final Set<String> PERSONS = Set.of("hun", "han", "henne", "ham", "hen", "ho", "dem", "dei",
            "hans", "hennes", "hennar", "deres", "deira", "disse", "desse");
    /* Words that point back only when the message has next to nothing of its own ("hvem avgjør det?"). */
    private static final Set<String> POINTERS = Set.of("det", "den", "dette", "denne", "de", "der", "dit", "da",
            "då", "slik", "sånn", "samme", "same", "derfor");

    /**
     * What a message is.
     *
     * @param text       the message, cleaned of control characters
     * @param hasContext whether the conversation has a remembered question; without one only
     *                   {@link #MORE} and {@link #LANGUAGE} are told (and answered as such)
     */
    public static FollowUp classify(String text, boolean hasContext) {
        String lower = lower(text);
        String bare = bare(lower);
        if (MORE_PATTERN.matcher(bare).matches()) {
            return MORE;
        }
        if (LANGUAGE_PATTERN.matcher(bare).matches()) {
            return LANGUAGE;
        }
        if (!hasContext) {
            return ALONE;
        }
        if (EXAMPLE_PATTERN.matcher(bare).matches()) {
            return CONTEXT;
        }
        List<String> words = QuestionWords.words(lower);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return ALONE;
        }
        long own = ownWords(lower);
        boolean connective = CONNECTIVES.stream().anyMatch(c -> (bare + " ").startsWith(c));
        boolean person = words.stream().anyMatch(PERSONS::contains);
        boolean pointer = words.stream().anyMatch(POINTERS::contains);
        if ((connective || person) && own <= 3) {
            return CONTEXT;
        }
        if (pointer && own <= 1) {
            return CONTEXT;
        }
        /* "hvorfor?", "hvordan da?": a question with no words of its own. */
        if (own == 0 && lower.contains("?")) {
            return CONTEXT;
        }
        return ALONE;
    }

    /**
     * Whether a {@link #CONTEXT} follow-up names a new subject with a connective and no pronoun ("og
     * varaordføreren?", "hva med kontrollutvalget?"): it may stand alone, and when read with its topic it
     * must not merely repeat the topic's answer.
     */
    public static boolean replacesSubject(String text) {
        String lower = lower(text);
        String bare = bare(lower);
        List<String> words = QuestionWords.words(lower);
        return CONNECTIVES.stream().anyMatch(c -> (bare + " ").startsWith(c)) && ownWords(lower) >= 1
                && words.stream().noneMatch(w -> PERSONS.contains(w) || POINTERS.contains(w));
    }

    /** How many words of its own a message has: content words that do not point back. */
    public static long ownWords(String text) {
        return QuestionWords.contentWords(text).stream().filter(w -> !PERSONS.contains(w) && !POINTERS.contains(w))
                .count();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).strip().replaceAll("[\\s\\p{Z}]+", " ");
    }

    /* Without punctuation, for matching whole phrases. */
    private static String bare(String lower) {
        return lower.replaceAll("[?!.…,:;]+", " ").strip().replaceAll(" +", " ");
    }

    /** The words searched for a {@link #CONTEXT} follow-up: its own words, then its topic's. */
    public static String combine(String followUp, String topic) {
        return followUp.strip() + " " + topic.strip();
    }
}
