package no.folkevalgt.knowledge;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Messages that are not questions about the material however many of its words they use: a request
 * for the bot's own opinion ("hvilket parti synes du er best?"), small talk ("hvordan har du det?"),
 * a joke, and questions about everyday matters far from a course for council members: the weather,
 * sport, entertainment, shopping, tech support ({@code utenfor.txt}, written forms in Bokmål, Nynorsk
 * and English). The material never answers these, so they are declined flatly rather than matched on
 * a chance word ("parti", "dag", "kommune"). An off-domain word that the material itself uses does not
 * count: an organiser's deck about sports halls makes "idrett" a topic.
 */
final class OffTopic {

    private static final List<Pattern> PATTERNS = List.of(
            /* the bot's opinion, judgement or vote */
            words("(synes|syns|mener|meiner|tror|trur|føler) (du|dere|dykk)"),
            words("(hva|kva|hvem|kven|hvilke[nt]?|kva for eit?) (er|vil) (ditt|din|dine) (syn|meining|mening|standpunkt|favoritt\\w*)"),
            words("(ditt|din) (syn|meining|mening|standpunkt) (på|om)"),
            words("(hvem|kven|hva|kva|hvilket|kva) (skal|bør|burde) (jeg|eg) (stemme|røyste) (på|for)"),
            words("(do|would) you (think|believe|feel|prefer|recommend|vote|like)"),
            words("(your|ur) (opinion|view|favou?rite|position)"),
            words("who should i vote for"),
            /* small talk and jokes */
            words("(hvordan|korleis|åssen|koss) har (du|dere|dykk) det"),
            words("(hvordan|korleis|åssen|koss) går det med (deg|dere|dykk)"),
            words("how are you"),
            words("(fortell|fortel|si) (meg )?(en|ein|ei) (vits|morsom historie|vitse)"),
            words("tell (me )?a joke"),
            words("(er|e) (du|dere) (en )?(robot|menneske|ekte|levande|levende)"),
            words("are you (a )?(robot|human|real)"));

    private static final java.util.Set<String> OFF_DOMAIN = java.util.Set.copyOf(NorwegianAnalysis.readWordList("utenfor.txt"));

    private OffTopic() {
    }

    /**
     * The first word of an everyday topic far from the programme ("været", "fotball", "wifi") that the
     * material does not use, or null.
     *
     * @param known whether the material uses a word (its lower-cased, normalised written form)
     */
    static String offDomainWord(String question, java.util.function.Predicate<String> known) {
        for (NorwegianAnalysis.Surface word : NorwegianAnalysis.surfaces(question)) {
            if ((OFF_DOMAIN.contains(word.raw()) || OFF_DOMAIN.contains(word.text())) && !known.test(word.text())) {
                return word.text();
            }
        }
        return null;
    }

    /** Whether a cleaned question asks for something the material cannot hold, whatever its words. */
    static boolean matches(String question) {
        String text = " " + Normalizer.normalize(question.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (Pattern p : PATTERNS) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern words(String regex) {
        return Pattern.compile(" " + regex.replace(" ", " +") + " ");
    }
}
