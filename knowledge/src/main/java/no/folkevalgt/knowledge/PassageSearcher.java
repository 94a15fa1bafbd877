package no.folkevalgt.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns one question into hits over one index generation; see {@link LuceneKnowledgeBase}.
 */
final class PassageSearcher {

    /** Candidates fetched by BM25 before re-ranking by coverage. */
    static final int CANDIDATES = 20;
    static final float TITLE_BOOST = 2.0f;
    static final float QUESTIONS_BOOST = 1.0f;
    static final float PART_BOOST = 0.35f;
    static final float PHRASE_BOOST = 0.5f;
    /** Credit for a compound whose parts matched separately rather than as one word. */
    static final double PART_CREDIT = 0.7;
    /** The share of the weight of a Norwegian word found nowhere in the material (nor in its question bank). */
    static final double UNKNOWN_WORD_FACTOR = 0.6;
    /** The same for a compound of Norwegian words ("skjenkebevilling"): such a specific term the material lacks is what the question is about. */
    static final double UNKNOWN_TERM_FACTOR = 1.0;
    /** The same for a word that is not Norwegian either (a name, an English word, a typo beyond repair). */
    static final double UNKNOWN_OTHER_FACTOR = 0.5;

    private static final List<String> TEXT_FIELDS = List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY);
    private static final List<String> BANK_FIELDS = List.of(LuceneKnowledgeBase.QUESTIONS);

    private final LuceneKnowledgeBase.Generation generation;
    private final Synonyms synonyms;
    private final QueryRewriter rewriter;
    private final WordWeights wordWeights = WordWeights.bundled();
    private final Scoring scoring;
    /** The question bank analysed, by global doc id. */
    private final Map<Integer, List<BankQuestion>> bank;
    /** Each word's IDF weight, for the bank's questions and the titles. */
    private final Map<String, Double> idfOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** The slides' titles analysed as questions, by global doc id, filled as slides become candidates. */
    private final Map<Integer, BankQuestion> titles = new java.util.concurrent.ConcurrentHashMap<>();
    private static final BankQuestion NO_TITLE = new BankQuestion(Set.of(), List.of(), List.of(), new double[0]);
    /** How much of each other's weight a question and a taught question must cover to count as alike. */
    static final double ALIKE = 0.8;
    /** Taught questions analysed, as written (few: what facilitators taught; at most a thousand). */
    private volatile Prepared lastPrepared;
    private final com.github.benmanes.caffeine.cache.Cache<String, Known> taught =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(5_000).build();

    PassageSearcher(LuceneKnowledgeBase.Generation generation, Synonyms synonyms) {
        this.generation = generation;
        this.synonyms = synonyms;
        this.scoring = Scoring.DEFAULT;
        this.rewriter = new QueryRewriter(generation.vocabulary, synonyms, generation.reader);
        this.bank = analyseBank(generation);
    }

    Answer answer(String question, int top) throws IOException {
        return answer(question, null, top);
    }

    /**
     * @param focus words whose lines are shown first where a passage has them (a follow-up's own words,
     *              searched with its topic), or null to choose lines by the whole question
     */
    Answer answer(String question, String focus, int top) throws IOException {
        if (OffTopic.matches(question) || OffTopic.offDomainWord(question, generation.vocabulary.surfaces()::contains) != null) {
            return Answer.declined(question);
        }
        Search search = search(question, CANDIDATES);
        if (search == null || search.candidates().isEmpty()) {
            return Answer.declined(question);
        }
        Answer.Outcome outcome = scoring.decide(search);
        if (outcome == Answer.Outcome.NONE) {
            return Answer.declined(question);
        }
        /*
         * A section divider or a label with nothing under it ({@link Passage#canAnswer()}) has nothing
         * to answer with: it would repeat its title back. It is never shown; when it ranked first, the
         * answer is not sure, and only slides close enough to be offered remain.
         */
        var stored = generation.reader.storedFields();
        boolean titleOnlyFirst = !passage(stored.document(search.candidates().get(0).doc())).canAnswer();
        if (outcome == Answer.Outcome.SURE && titleOnlyFirst) {
            outcome = Answer.Outcome.UNSURE;
        }
        int wanted = outcome == Answer.Outcome.SURE ? top : Math.min(top, Answer.MAX_SUGGESTIONS);
        List<Concept> focusConcepts = focus == null || !Questions.hasWords(focus) ? List.of()
                : concepts(rewriter.rewrite(focus)).stream().filter(c -> !c.light()).toList();
        Search focused = focusConcepts.isEmpty() ? null
                : new Search(focus, focusConcepts, weights(focusConcepts, generation.reader), 0, 0, List.of());
        List<Hit> hits = new ArrayList<>();
        for (Candidate c : search.candidates()) {
            if (hits.size() >= wanted) {
                break;
            }
            Passage passage = passage(stored.document(c.doc()));
            if (!passage.canAnswer() || titleOnlyFirst && c.covContent() < scoring.closeCoverage()) {
                continue;
            }
            List<String> lines = lines(passage, search, focused);
            hits.add(new Hit(passage, lines, c.rank()));
        }
        if (hits.isEmpty()) {
            return Answer.declined(question);
        }
        String interpreted = search.rewritten().equals(question) ? null : search.rewritten();
        return outcome == Answer.Outcome.SURE ? new Answer(question, true, hits, interpreted)
                : Answer.unsure(question, hits, interpreted);
    }

    /*
     * The lines of a hit: those carrying the focus's words when the passage has any (the follow-up's
     * own question), otherwise those carrying the whole question's.
     */
    private List<String> lines(Passage passage, Search search, Search focused) {
        if (focused != null) {
            List<String> lines = LineHighlighter.focusedLines(passage, focused.concepts(), focused.weights(),
                    generation.stemming);
            if (!lines.isEmpty()) {
                return lines;
            }
        }
        return LineHighlighter.lines(passage, search.concepts(), search.weights(), generation.stemming);
    }

    /**
     * Searches a question and ranks the candidates, without deciding: the rewrite, the concepts and
     * their weights, and every candidate with the measures the decision is made from.
     *
     * @return null when the question has no content words
     */
    Search search(String question, int candidates) throws IOException {
        if (!Questions.hasWords(question)) {
            return null;
        }
        String rewritten = rewriter.rewrite(question);
        List<Concept> concepts = concepts(rewritten);
        if (concepts.isEmpty()) {
            return null;
        }
        IndexReader reader = generation.reader;
        double[] weights = weights(concepts, reader);
        double total = Arrays.stream(weights).sum();
        double contentWeight = 0;
        for (int i = 0; i < concepts.size(); i++) {
            contentWeight += concepts.get(i).light() ? 0 : weights[i];
        }
        ScoreDoc[] docs = generation.newSearcher().search(query(concepts), candidates).scoreDocs;
        Set<String> stems = stems(concepts);
        Map<Integer, Set<String>> inText = present(reader, docs, stems, TEXT_FIELDS);
        Map<Integer, Set<String>> inBank = bank.isEmpty() ? Map.of() : present(reader, docs, stems, BANK_FIELDS);
        NumericDocValuesReader bodyLengths = new NumericDocValuesReader(reader, LuceneKnowledgeBase.BODY_LENGTH);
        float best = docs.length == 0 ? 1 : Math.max(docs[0].score, Float.MIN_NORMAL);
        List<Candidate> list = new ArrayList<>(docs.length);
        for (ScoreDoc sd : docs) {
            Set<String> text = inText.get(sd.doc);
            Set<String> questions = inBank.getOrDefault(sd.doc, Set.of());
            double covText = 0;
            double covAll = 0;
            double covContent = 0;
            for (int i = 0; i < concepts.size(); i++) {
                double t = concepts.get(i).credit(text);
                double a = Math.max(t, concepts.get(i).credit(questions));
                covText += weights[i] * t;
                covAll += weights[i] * a;
                covContent += concepts.get(i).light() ? 0 : weights[i] * a;
            }
            covText = total == 0 ? 0 : covText / total;
            covAll = total == 0 ? 0 : covAll / total;
            covContent = contentWeight == 0 ? 0 : covContent / contentWeight;
            BankMatch bankMatch = bestBankQuestion(sd.doc, concepts, weights, total, stems);
            boolean emptyBody = bodyLengths.get(sd.doc) == 0;
            Candidate c = new Candidate(sd.doc, sd.score / best, covText, covAll, covContent, bankMatch.coverage(),
                    bankMatch.precision(), emptyBody, 0);
            list.add(c.withRank(scoring.rank(c)));
        }
        list.sort(Comparator.comparingDouble(Candidate::rank).reversed());
        return new Search(rewritten, concepts, weights, total, contentWeight, List.copyOf(list));
    }

    private BankMatch bestBankQuestion(int doc, List<Concept> concepts, double[] weights, double total, Set<String> stems)
            throws IOException {
        List<BankQuestion> questions = new ArrayList<>(bank.getOrDefault(doc, List.of()));
        BankQuestion title = titleQuestion(doc);
        if (title != null) {
            questions.add(title);
        }
        if (questions.isEmpty() || total == 0) {
            return BankMatch.NONE;
        }
        BankMatch best = BankMatch.NONE;
        for (BankQuestion q : questions) {
            double covered = 0;
            for (int i = 0; i < concepts.size(); i++) {
                covered += weights[i] * concepts.get(i).credit(q.stems());
            }
            double coverage = covered / total;
            double precision = q.precision(stems);
            BankMatch m = new BankMatch(coverage, precision);
            if (m.f1() > best.f1()) {
                best = m;
            }
        }
        return best;
    }

    private Map<Integer, List<BankQuestion>> analyseBank(LuceneKnowledgeBase.Generation g) {
        if (g.questions.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<BankQuestion>> out = new HashMap<>();
        for (Map.Entry<Integer, List<String>> e : g.questions.entrySet()) {
            List<BankQuestion> qs = new ArrayList<>();
            for (String q : e.getValue()) {
                BankQuestion analysed = analyse(q);
                if (analysed != null) {
                    qs.add(analysed);
                }
            }
            out.put(e.getKey(), List.copyOf(qs));
        }
        return Map.copyOf(out);
    }

    /**
     * The index of the known question that asks what {@code question} asks, or -1: the same text, or
     * each covering at least {@link #ALIKE} of the other's weight, both read as questions are (spelling
     * and dialect fixed, words in any form, Nynorsk and synonyms), a word of one matching a word of the
     * other when either is among the other's forms and synonyms, sharing at least one word outright
     * ({@code Analysed.anchored}), and not asking for different things ({@link QuestionKind}: "når"
     * is not "hva"); the best such by harmonic mean.
     */
    int closest(String question, List<String> known) throws IOException {
        if (known.isEmpty()) {
            return -1;
        }
        Prepared p = prepared(known);
        String asked = Questions.clean(question).toLowerCase(Locale.ROOT);
        Integer same = p.byText().get(asked);
        if (same != null) {
            return same;
        }
        Analysed a = analysed(asked);
        if (a == Analysed.NONE) {
            return -1;
        }
        QuestionKind kind = QuestionKind.of(asked);
        /* Only taught questions sharing a stem (of a word, form or synonym) with this one can be like it. */
        java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>();
        for (String stem : a.stems()) {
            candidates.addAll(p.byStem().getOrDefault(stem, List.of()));
        }
        int best = -1;
        double bestMatch = 0;
        for (int i : candidates) {
            Analysed k = p.known().get(i).analysed();
            double coverage = a.covered(k);
            double precision = k.covered(a);
            double match = harmonicMean(coverage, precision);
            if (coverage >= ALIKE && precision >= ALIKE && match > bestMatch && a.anchored(k)
                    && QuestionKind.compatible(kind, p.known().get(i).kind())) {
                best = i;
                bestMatch = match;
            }
        }
        return best;
    }

    /*
     * The taught questions analysed, with an index from each stem to the questions having it. A caller
     * that passes the same list again (the bot's lessons between two changes) gets it without work.
     */
    private Prepared prepared(List<String> known) {
        Prepared p = lastPrepared;
        if (p != null && p.list() == known && p.known().size() == known.size()) {
            return p;
        }
        List<Known> analysed = new ArrayList<>(known.size());
        Map<String, Integer> byText = new HashMap<>();
        Map<String, List<Integer>> byStem = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            Known k = taught.get(known.get(i), this::known);
            analysed.add(k);
            byText.putIfAbsent(k.normal(), i);
            for (String stem : k.analysed().stems()) {
                byStem.computeIfAbsent(stem, x -> new ArrayList<>()).add(i);
            }
        }
        p = new Prepared(known, List.copyOf(analysed), byText, byStem);
        lastPrepared = p;
        return p;
    }

    private record Prepared(List<String> list, List<Known> known, Map<String, Integer> byText,
                            Map<String, List<Integer>> byStem) {
    }

    private Known known(String question) {
        String normal = Questions.clean(question).toLowerCase(Locale.ROOT);
        return new Known(normal, analysed(normal), QuestionKind.of(normal));
    }

    /** A taught question: its cleaned lower-cased text, as a search reads it, and what it asks for. */
    private record Known(String normal, Analysed analysed, QuestionKind kind) {
    }

    /* A question read as a search reads it: spelling and dialect fixed, its concepts and their weights. */
    private Analysed analysed(String question) {
        if (!Questions.hasWords(question)) {
            return Analysed.NONE;
        }
        try {
            List<Concept> concepts = concepts(rewriter.rewrite(question));
            if (concepts.isEmpty()) {
                return Analysed.NONE;
            }
            return new Analysed(concepts, weights(concepts, generation.reader), stems(concepts));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A question's concepts with their weights, and every stem they may match by. */
    private record Analysed(List<Concept> concepts, double[] weights, Set<String> stems) {
        static final Analysed NONE = new Analysed(List.of(), new double[0], Set.of());

        /**
         * The share of this question's weight whose concepts the other question has: a concept counts
         * when its own word is among the other concept's forms and synonyms, or the other's own word is
         * among its. Two synonyms of the same third word do not make two words alike ("lønna" and
         * "møtet" both reach "ordfører" through the thesaurus, and are not alike).
         */
        double covered(Analysed other) {
            double covered = 0;
            double total = 0;
            for (int i = 0; i < concepts.size(); i++) {
                total += weights[i];
                Concept mine = concepts.get(i);
                for (Concept theirs : other.concepts()) {
                    if (mine.alternatives().contains(theirs.alternatives().get(0))
                            || theirs.alternatives().contains(mine.alternatives().get(0))) {
                        covered += weights[i];
                        break;
                    }
                }
            }
            return total == 0 ? 0 : covered / total;
        }

        /**
         * Whether the two share a word outright: the same word, or each among the other's forms and
         * synonyms. A one-way rule of the thesaurus ("sjefen til rådmannen" is also searched as
         * "kommunestyret") helps a search find a slide, but is not enough on its own to say that two
         * questions ask the same.
         */
        boolean anchored(Analysed other) {
            for (Concept mine : concepts) {
                List<String> word = mine.alternatives().get(0);
                for (Concept theirs : other.concepts()) {
                    List<String> their = theirs.alternatives().get(0);
                    if (word.equals(their) || mine.alternatives().contains(their) && theirs.alternatives().contains(word)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * A sure answer from the passage a facilitator chose: it first, with the lines that answer the
     * question, then what the search finds besides it.
     */
    Answer answerFrom(String question, int doc, int top) throws IOException {
        var stored = generation.reader.storedFields();
        Passage chosen = passage(stored.document(doc));
        Search search = search(question, CANDIDATES);
        List<String> lines = search == null ? LineHighlighter.lines(chosen, List.of(), new double[0], generation.stemming)
                : LineHighlighter.lines(chosen, search.concepts(), search.weights(), generation.stemming);
        List<Hit> hits = new ArrayList<>();
        hits.add(new Hit(chosen, lines, 1));
        Answer searched = answer(question, top + 1);
        for (Hit hit : searched.answered() ? searched.hits() : searched.suggestions()) {
            if (hits.size() < top && !hit.passage().id().equals(chosen.id())) {
                hits.add(hit);
            }
        }
        return new Answer(question, true, hits, null);
    }

    /** A question of the bank (or a slide's title, which reads like one) analysed; null when it has no content words. */
    private BankQuestion analyse(String question) {
        List<Word> content = words(question).stream().filter(w -> !w.stop()).toList();
        if (content.isEmpty()) {
            return null;
        }
        IndexReader reader = generation.reader;
        int n = Math.max(1, reader.numDocs());
        Set<String> all = new HashSet<>();
        double[] w = new double[content.size()];
        for (int i = 0; i < content.size(); i++) {
            Word word = content.get(i);
            all.add(word.stem());
            all.addAll(word.parts());
            double idf = idfOf.computeIfAbsent(word.stem(), s -> {
                try {
                    int df = docFreq(reader, List.of(s));
                    return df == 0 ? idf(1, n) : idf(df, n);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            w[i] = word.light() ? idf * WordWeights.LIGHT : idf;
        }
        return new BankQuestion(Set.copyOf(all), content.stream().map(Word::stem).toList(),
                content.stream().map(Word::parts).toList(), w);
    }

    /** A slide's title as a question, analysed once per slide on first use. */
    private BankQuestion titleQuestion(int doc) throws IOException {
        BankQuestion q = titles.get(doc);
        if (q == null) {
            String title = generation.reader.storedFields().document(doc, Set.of(LuceneKnowledgeBase.TITLE))
                    .get(LuceneKnowledgeBase.TITLE);
            q = title == null ? null : analyse(title);
            titles.put(doc, q == null ? NO_TITLE : q);
        }
        return q == NO_TITLE ? null : q;
    }

    /** A diagnostic account of how a question is searched: the rewrite, the concepts, the candidates. */
    String explain(String question) throws IOException {
        Search search = search(question, 8);
        if (search == null) {
            return "no content words\n";
        }
        StringBuilder sb = new StringBuilder("rewritten: " + search.rewritten() + "\n  query: "
                + query(search.concepts()) + "\n  outcome: " + scoring.decide(search) + "\n");
        for (int i = 0; i < search.concepts().size(); i++) {
            Concept c = search.concepts().get(i);
            sb.append(String.format(Locale.ROOT, "  concept %.2f%s %s parts=%s%n", search.weights()[i],
                    c.light() ? " (light)" : "", c.alternatives(), c.parts()));
        }
        var stored = generation.reader.storedFields();
        for (Candidate c : search.candidates()) {
            Passage p = passage(stored.document(c.doc()));
            sb.append(String.format(Locale.ROOT, "  %.3f bm25=%.2f text=%.2f all=%.2f bank=%.2f/%.2f #%d %s%n",
                    c.rank(), c.bm25(), c.covText(), c.covAll(), c.bankCoverage(), c.bankPrecision(), p.slide(), p.title()));
        }
        return sb.toString();
    }

    private static Set<String> stems(List<Concept> concepts) {
        Set<String> stems = new HashSet<>();
        for (Concept c : concepts) {
            c.alternatives().forEach(stems::addAll);
            c.parts().forEach(part -> part.forEach(stems::addAll));
        }
        return stems;
    }

    /**
     * Which of the question's stems each candidate has in the given fields. Read from the postings,
     * advancing over the candidates in doc id order: far cheaper than term vectors per document.
     */
    static Map<Integer, Set<String>> present(IndexReader reader, ScoreDoc[] docs, Set<String> stems, List<String> fields)
            throws IOException {
        int[] sorted = new int[docs.length];
        Map<Integer, Set<String>> present = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            sorted[i] = docs[i].doc;
            present.put(docs[i].doc, new HashSet<>());
        }
        Arrays.sort(sorted);
        for (LeafReaderContext leaf : reader.leaves()) {
            int from = lowerBound(sorted, leaf.docBase);
            int to = lowerBound(sorted, leaf.docBase + leaf.reader().maxDoc());
            if (from == to) {
                continue;
            }
            for (String field : fields) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (String stem : stems) {
                    if (!it.seekExact(new BytesRef(stem))) {
                        continue;
                    }
                    PostingsEnum postings = it.postings(null, PostingsEnum.NONE);
                    for (int i = from; i < to; i++) {
                        int target = sorted[i] - leaf.docBase;
                        int doc = postings.docID() >= target ? postings.docID() : postings.advance(target);
                        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                            break;
                        }
                        if (doc == target) {
                            present.get(sorted[i]).add(stem);
                        }
                    }
                }
            }
        }
        return present;
    }

    private static int lowerBound(int[] sorted, int value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    /** Reads one numeric doc values field by global doc id. */
    private static final class NumericDocValuesReader {
        private final IndexReader reader;
        private final String field;

        NumericDocValuesReader(IndexReader reader, String field) {
            this.reader = reader;
            this.field = field;
        }

        long get(int doc) throws IOException {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues values = leaf.reader().getNumericDocValues(field);
            return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
        }
    }

    static Passage passage(Document doc) {
        return new Passage(doc.get(LuceneKnowledgeBase.SOURCE),
                doc.getField(LuceneKnowledgeBase.SLIDE).numericValue().intValue(),
                doc.get(LuceneKnowledgeBase.TITLE), doc.get(LuceneKnowledgeBase.BODY),
                doc.get(LuceneKnowledgeBase.PART),
                doc.getField(LuceneKnowledgeBase.DAY).numericValue().intValue(),
                doc.get(LuceneKnowledgeBase.SECTION),
                doc.get(LuceneKnowledgeBase.MATERIAL));
    }

    /**
     * The question's content words, grouped with their synonyms and compound parts. A synonym phrase
     * is matched on the words with their stop words first ("ta med"), then without them.
     */
    List<Concept> concepts(String question) throws IOException {
        List<Word> all = words(question);
        List<String> stems = all.stream().map(Word::stem).toList();
        /* the same words without the stop words, and where each sits among all the words */
        List<String> content = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).stop()) {
                content.add(all.get(i).stem());
                at.add(i);
            }
        }
        List<Concept> concepts = new ArrayList<>();
        int c = 0;
        for (int i = 0; i < all.size(); ) {
            Synonyms.Match match = synonyms.match(stems, i);
            if (match != null && match.length() == 1 && all.get(i).stop()) {
                match = null;
            }
            int end = match == null ? i + 1 : i + match.length();
            if (!all.get(i).stop()) {
                while (at.get(c) < i) {
                    c++;
                }
                Synonyms.Match without = synonyms.match(content, c);
                int withoutEnd = without == null ? i + 1 : at.get(c + without.length() - 1) + 1;
                if (without != null && (match == null || withoutEnd > end)) {
                    match = without;
                    end = withoutEnd;
                }
            } else if (match == null) {
                i++;
                continue;
            }
            List<List<String>> alternatives = match == null ? List.of(List.of(stems.get(i))) : match.expansion();
            List<List<List<String>>> parts = new ArrayList<>();
            boolean light = true;
            int contentWords = 0;
            for (int k = i; k < end; k++) {
                if (!all.get(k).stop()) {
                    light &= all.get(k).light();
                    contentWords++;
                }
            }
            if (contentWords == 1 && end - i == 1) {
                for (String part : all.get(i).parts()) {
                    Synonyms.Match pm = synonyms.match(List.of(part), 0);
                    parts.add(pm == null ? List.of(List.of(part)) : pm.expansion());
                }
            }
            boolean duplicate = concepts.stream().anyMatch(x -> x.alternatives().equals(alternatives));
            if (!duplicate) {
                Concept concept = new Concept(alternatives, parts, light && contentWords > 0, false);
                if (contentWords == 1 && end - i == 1 && NorwegianWords.bundled().isCompound(all.get(i).surface())
                        && concept.docFreq(generation.reader) == 0) {
                    concept = new Concept(alternatives, parts, concept.light(), true);
                }
                concepts.add(concept);
            }
            i = end;
        }
        return concepts;
    }

    /**
     * The words of a text, each stemmed (stop words as written), with its compound parts and whether it
     * is a stop word or a light word. The analysis chain keeps one token per written word (stop words
     * are marked, not dropped), so its words line up with the written ones.
     */
    private List<Word> words(String text) {
        List<NorwegianAnalysis.Token> tokens = NorwegianAnalysis.tokens(generation.question, LuceneKnowledgeBase.BODY, text);
        List<NorwegianAnalysis.Surface> written = NorwegianAnalysis.surfaces(text);
        List<Word> words = new ArrayList<>();
        List<List<String>> parts = new ArrayList<>();
        for (NorwegianAnalysis.Token t : tokens) {
            if (t.stacked() && !words.isEmpty()) {
                parts.get(parts.size() - 1).add(t.term());
            } else {
                int k = words.size();
                boolean light = k < written.size() && wordWeights.isLight(written.get(k));
                words.add(new Word(t.term(), k < written.size() ? written.get(k).text() : t.term(), t.stop(), light, List.of()));
                parts.add(new ArrayList<>());
            }
        }
        List<Word> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            out.add(new Word(w.stem(), w.surface(), w.stop(), w.light(), List.copyOf(parts.get(i))));
        }
        return out;
    }

    /** A written word of a question or a bank question, analysed. */
    private record Word(String stem, String surface, boolean stop, boolean light, List<String> parts) {
    }

    private double[] weights(List<Concept> concepts, IndexReader reader) throws IOException {
        int n = Math.max(1, reader.numDocs());
        double[] weights = new double[concepts.size()];
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            int df = c.docFreq(reader);
            double idf = df > 0 ? idf(df, n)
                    : idf(1, n) * (c.term() ? UNKNOWN_TERM_FACTOR : isWord(c) ? UNKNOWN_WORD_FACTOR : UNKNOWN_OTHER_FACTOR);
            weights[i] = idf * (c.light() ? WordWeights.LIGHT : 1.0);
        }
        return weights;
    }

    /* Whether a concept the material lacks is a Norwegian word (rather than a name, English or noise). */
    private static boolean isWord(Concept c) {
        return c.alternatives().stream().anyMatch(a -> a.size() == 1 && NorwegianWords.bundled().contains(a.get(0)));
    }

    private static double harmonicMean(double a, double b) {
        return a + b == 0 ? 0 : 2 * a * b / (a + b);
    }

    static double idf(int df, int n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** The passages having every stem of an alternative, counted in the field where most have it. */
    static int docFreq(IndexReader reader, List<String> alternative) throws IOException {
        int df = Integer.MAX_VALUE;
        for (String stem : alternative) {
            int most = 0;
            for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY, LuceneKnowledgeBase.QUESTIONS)) {
                most = Math.max(most, reader.docFreq(new Term(field, stem)));
            }
            df = Math.min(df, most);
        }
        return df == Integer.MAX_VALUE ? 0 : df;
    }

    private static Query query(List<Concept> concepts) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (Concept c : concepts) {
            top.add(c.query(), BooleanClause.Occur.SHOULD);
        }
        for (int i = 0; i + 1 < concepts.size(); i++) {
            List<String> a = concepts.get(i).alternatives().get(0);
            List<String> b = concepts.get(i + 1).alternatives().get(0);
            if (a.size() == 1 && b.size() == 1) {
                for (String field : TEXT_FIELDS) {
                    PhraseQuery phrase = new PhraseQuery(2, field, a.get(0), b.get(0));
                    float boost = field.equals(LuceneKnowledgeBase.TITLE) ? PHRASE_BOOST * TITLE_BOOST : PHRASE_BOOST;
                    top.add(new BoostQuery(phrase, boost), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return top.build();
    }

    /**
     * One content word of the question (or a multi-word synonym entry).
     *
     * @param alternatives the word and its synonyms, each a sequence of stems
     * @param parts        for a compound, its parts, each with its own alternatives
     * @param light        a common word that says little (see {@link WordWeights})
     * @param term         a compound of Norwegian words ({@link NorwegianWords#isCompound}) the material lacks:
     *                     likely a specific term the material does not cover ("skjenkebevilling"), so it
     *                     weighs fully
     */
    record Concept(List<List<String>> alternatives, List<List<List<String>>> parts, boolean light, boolean term) {

        Query query() {
            List<Query> disjuncts = new ArrayList<>();
            for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY, LuceneKnowledgeBase.QUESTIONS)) {
                float boost = field.equals(LuceneKnowledgeBase.TITLE) ? TITLE_BOOST
                        : field.equals(LuceneKnowledgeBase.QUESTIONS) ? QUESTIONS_BOOST : 1f;
                disjuncts.add(new BoostQuery(alternativesQuery(field, alternatives), boost * (light ? (float) WordWeights.LIGHT : 1f)));
            }
            if (!parts.isEmpty()) {
                BooleanQuery.Builder partQuery = new BooleanQuery.Builder();
                for (List<List<String>> part : parts) {
                    for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY, LuceneKnowledgeBase.QUESTIONS)) {
                        partQuery.add(alternativesQuery(field, part), BooleanClause.Occur.SHOULD);
                    }
                }
                disjuncts.add(new BoostQuery(partQuery.build(), PART_BOOST));
            }
            return new DisjunctionMaxQuery(disjuncts, 0.1f);
        }

        private static Query alternativesQuery(String field, List<List<String>> alternatives) {
            SynonymQuery.Builder singles = new SynonymQuery.Builder(field);
            int singleCount = 0;
            List<Query> phrases = new ArrayList<>();
            for (List<String> alternative : alternatives) {
                if (alternative.size() == 1) {
                    singles.addTerm(new Term(field, alternative.get(0)));
                    singleCount++;
                } else {
                    phrases.add(new PhraseQuery(1, field, alternative.toArray(String[]::new)));
                }
            }
            if (phrases.isEmpty()) {
                return singleCount == 1 ? new TermQuery(new Term(field, alternatives.get(0).get(0))) : singles.build();
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (singleCount > 0) {
                b.add(singles.build(), BooleanClause.Occur.SHOULD);
            }
            phrases.forEach(p -> b.add(p, BooleanClause.Occur.SHOULD));
            return b.build();
        }

        /**
         * How much of this concept a set of stems (a passage, or one of its lines) covers: 1 for the word
         * or a synonym, less for some of a compound's parts.
         */
        double credit(Set<String> stems) {
            for (List<String> alternative : alternatives) {
                if (stems.containsAll(alternative)) {
                    return 1;
                }
            }
            if (parts.isEmpty()) {
                return 0;
            }
            long matched = parts.stream().filter(p -> p.stream().anyMatch(stems::containsAll)).count();
            return PART_CREDIT * matched / parts.size();
        }

        int docFreq(IndexReader reader) throws IOException {
            int best = 0;
            for (List<String> alternative : alternatives) {
                best = Math.max(best, PassageSearcher.docFreq(reader, alternative));
            }
            return best;
        }
    }

    /**
     * A candidate passage and what the decision is made from.
     *
     * @param bm25          the BM25 score relative to the best candidate's (1 for the best)
     * @param covText       the share of the question's weight found in the slide's title and text
     * @param covAll        the same, counting the slide's question bank too
     * @param covContent    the same as covAll over the question's words that are not light words
     * @param bankCoverage  the share of the question's weight found in the best-matching bank question
     * @param bankPrecision the share of that bank question's own weight the question covers
     * @param emptyBody     a title-only slide
     * @param rank          the combined score candidates are ordered by
     */
    record Candidate(int doc, double bm25, double covText, double covAll, double covContent, double bankCoverage,
                     double bankPrecision, boolean emptyBody, double rank) {

        Candidate withRank(double r) {
            return new Candidate(doc, bm25, covText, covAll, covContent, bankCoverage, bankPrecision, emptyBody, r);
        }

        /** How well the best bank question and the question match each other (harmonic mean). */
        double bankMatch() {
            return harmonicMean(bankCoverage, bankPrecision);
        }
    }

    /**
     * A searched question before the decision.
     *
     * @param weights       each concept's weight
     * @param total         the sum of the weights
     * @param contentWeight the weight of the concepts that are not light words
     * @param candidates    best first
     */
    record Search(String rewritten, List<Concept> concepts, double[] weights, double total, double contentWeight,
                  List<Candidate> candidates) {
    }

    private record BankMatch(double coverage, double precision) {
        static final BankMatch NONE = new BankMatch(0, 0);

        double f1() {
            return harmonicMean(coverage, precision);
        }
    }

    /**
     * One question of the bank, analysed.
     *
     * @param stems   every stem, compound parts included
     * @param mains   the stems of its words (not the parts)
     * @param parts   for each word, its compound parts
     * @param weights each word's weight
     */
    record BankQuestion(Set<String> stems, List<String> mains, List<List<String>> parts, double[] weights) {

        /** The share of this question's weight whose words (or all their parts) are among the given stems. */
        double precision(Set<String> asked) {
            double covered = 0;
            double total = 0;
            for (int i = 0; i < mains.size(); i++) {
                total += weights[i];
                if (asked.contains(mains.get(i)) || !parts.get(i).isEmpty() && asked.containsAll(parts.get(i))) {
                    covered += weights[i];
                }
            }
            return total == 0 ? 0 : covered / total;
        }
    }
}
