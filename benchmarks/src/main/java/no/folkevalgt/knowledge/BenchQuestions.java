package no.folkevalgt.knowledge;

import java.util.List;

/**
 * The questions the latency benchmark cycles through, written for the benchmark: what council members
 * ask, in Bokmål and Nynorsk, with typos and split compounds, and some the material cannot answer
 * (those are declined, which has its own cost).
 */
final class BenchQuestions {

    static final List<String> ALL = List.of(
            // Bokmål, plain
            "Hvordan får jeg en sak på saklista?",
            "Hvem har ansvaret for internkontroll i kommunen?",
            "Kan ordføreren treffe vedtak i hastesaker?",
            "Hvor kommer pengene til kommunen fra?",
            "Hva er frie inntekter?",
            "Hva skal kommunestyret selv vedta om økonomien?",
            "Har jeg møteplikt i kommunestyret?",
            "Hva er et grunngitt spørsmål?",
            "Hvem fastsetter lønn til de ansatte?",
            "Hva betyr delegering?",
            "hva er politisk kultur",
            "Hvor mye bruker kommunene på helse og omsorg?",
            "Hva er deltakelsestrappa?",
            "Hvordan får vi en god budsjettprosess?",
            "Er møtene i kommunestyret åpne for publikum?",
            "Hva gjør KS for kommunene?",
            "Hvordan håndterer jeg hets på nett som folkevalgt?",
            // Nynorsk
            "Kva oppgåver har kommunedirektøren?",
            "Kva er rolla til ordføraren?",
            "Korleis kan innbyggjarane vere med og påverke?",
            "Kva skal kommunestyret sjølv vedta i budsjettet?",
            // old titles, split compounds, typos
            "rådmannens oppgaver",
            "hva er delegerings reglementet",
            "kommunedirektørn sitt personalansvar",
            "interpelasjon",
            "hvem er arbeidsgiver for rådmanen",
            // out of scope: should be declined
            "Hva blir været i morgen?",
            "Hvem vant fotball-VM i 2018?",
            "Kor mykje skatt må eg betale?",
            "Hvordan søker jeg om byggetillatelse for en garasje?");

    private BenchQuestions() {
    }
}
