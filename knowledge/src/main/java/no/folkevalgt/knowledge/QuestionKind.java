package no.folkevalgt.knowledge;

import java.util.List;
import java.util.Locale;
import no.folkevalgt.core.text.QuestionWords;

/**
 * What a question asks for, from its question word, in Bokmål or Nynorsk: who, when, where, why, how,
 * how much, or what. The words themselves are stop words to the search, but two questions with the
 * same content words ask different things when one asks "når" and the other "hva" ("Når er kurset?",
 * "Hva lærer vi på kurset?").
 */
enum QuestionKind {
    WHO, WHEN, WHERE, WHY, HOW, HOW_MUCH, WHAT, NONE;

    /** The kind of the first question word among a question's first words; NONE without one. */
    static QuestionKind of(String question) {
        List<String> words = QuestionWords.words(question.toLowerCase(Locale.ROOT));
        for (int i = 0; i < Math.min(words.size(), 4); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            QuestionKind kind = switch (w) {
                case "hvem", "kven", "kem" -> WHO;
                case "når" -> WHEN;
                case "hvorfor", "kvifor", "korfor" -> WHY;
                case "hvordan", "korleis", "koss" -> HOW;
                case "hva", "kva", "hvilke", "hvilken", "hvilket" -> WHAT;
                case "kvar" -> WHERE;
                case "hvor", "kor" -> switch (next) {
                    case "mye", "mykje", "mange", "stor", "store", "ofte", "lang", "lenge" -> HOW_MUCH;
                    default -> w.equals("kor") ? HOW : WHERE;
                };
                default -> NONE;
            };
            if (kind == WHAT && next.equals("tid") && (w.equals("kva") || w.equals("hva"))) {
                return WHEN;
            }
            if (kind != NONE) {
                return kind;
            }
        }
        return NONE;
    }

    /**
     * Whether two questions may ask the same: their kinds are the same, or one has no question word;
     * "hva" also asks "how much" ("Hva tjener ordføreren?", "Hva koster det?").
     */
    static boolean compatible(QuestionKind a, QuestionKind b) {
        return a == NONE || b == NONE || a == b || a == WHAT && b == HOW_MUCH || a == HOW_MUCH && b == WHAT;
    }
}
