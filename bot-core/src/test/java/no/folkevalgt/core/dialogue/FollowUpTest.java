package no.folkevalgt.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // asking for more, in both written standards
            "si mer|MORE", "Kan du si mer?|MORE", "kan du fortelle litt mer om det?|MORE", "Sei meir!|MORE",
            "kan du fortelje meir om dette?|MORE", "mer|MORE", "Mer, takk|MORE", "hva mer står det?|MORE",
            "noko meir?|MORE", "utdyp|MORE", "flere detaljer|MORE", "vis meg mer|MORE", "forklar det nærmere|MORE",
            "Kan du forklare dette betre?|MORE", "tell me more|MORE", "Can you tell me more about that?|MORE",
            "more please|MORE",
            // an example of what was just answered
            "gi et eksempel|CONTEXT", "Har du eit døme?|CONTEXT", "kan du gi meg noen eksempler på det?|CONTEXT",
            // the answer's language
            "og på nynorsk?|LANGUAGE", "Kan du svare på nynorsk?|LANGUAGE", "på engelsk takk|LANGUAGE",
            // pointing back with a pronoun or a connective, short
            "hvem avgjør det?|CONTEXT", "hvor ofte skal vi ha samtale med henne?|CONTEXT",
            "Kva gjer ho då?|CONTEXT", "og varaordføreren?|CONTEXT", "hva med kontrollutvalget?|CONTEXT",
            "hvorfor?|CONTEXT", "hvordan gjør vi det?|CONTEXT", "hva skjer da?|CONTEXT",
            // questions that stand alone, even with "det" or "den" in them
            "Hva er det viktigste i en god budsjettprosess?|ALONE", "Hvem setter opp saklista?|ALONE",
            "Hva er deltakelsestrappa?|ALONE", "Kva er det formannskapet gjer med budsjettet?|ALONE",
            "takk!|ALONE", "Hvordan kan vi som folkevalgte bruke sosiale medier på en god måte, og hva bør vi tenke på før vi publiserer noe der?|ALONE",
    })
    void classifiesAMessage_afterAQuestion(String text, FollowUp expected) {
        assertThat(FollowUp.classify(text, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"hvem avgjør det?", "og varaordføreren?", "hvorfor?"})
    void withoutAnEarlierQuestion_aShortQuestionStandsAlone(String text) {
        assertThat(FollowUp.classify(text, false)).isEqualTo(FollowUp.ALONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"si mer|MORE", "og på nynorsk?|LANGUAGE"})
    void moreAndLanguage_areToldWithoutAnEarlierQuestion_too(String text, FollowUp expected) {
        assertThat(FollowUp.classify(text, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"og varaordføreren?|true", "hva med kontrollutvalget?|true",
            "hvem avgjør det?|false", "og hva gjør hun?|false", "og?|false"})
    void aConnectiveWithANewNoun_replacesTheSubject(String text, boolean expected) {
        assertThat(FollowUp.replacesSubject(text)).isEqualTo(expected);
    }
}
