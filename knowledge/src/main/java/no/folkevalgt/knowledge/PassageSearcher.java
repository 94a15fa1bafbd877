package no.folkevalgt.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
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
    static final int CANDIDATES = 15;
    /** Share of the question's weight the best passage must cover to be an answer: more than half. */
    static final double MIN_COVERAGE = 0.51;
    static final float TITLE_BOOST = 2.0f;
    static final float PART_BOOST = 0.35f;
    static final float PHRASE_BOOST = 0.5f;
    /** Credit for a compound whose parts matched separately rather than as one word. */
    static final double PART_CREDIT = 0.7;

    private final LuceneKnowledgeBase.Generation generation;
    private final Synonyms synonyms;
    private final QueryRewriter rewriter;

    PassageSearcher(LuceneKnowledgeBase.Generation generation, Synonyms synonyms) {
        this.generation = generation;
        this.synonyms = synonyms;
        this.rewriter = new QueryRewriter(generation.exact, generation.vocabulary, synonyms, generation.reader);
    }

    Answer answer(String question, int top) throws IOException {
        if (!Questions.hasWords(question)) {
            return Answer.declined(question);
        }
        String rewritten = rewriter.rewrite(question);
        List<Concept> concepts = concepts(rewritten);
        if (concepts.isEmpty()) {
            return Answer.declined(question);
        }
        IndexReader reader = generation.reader;
        IndexSearcher searcher = generation.newSearcher();
        double[] weights = weights(concepts, reader);
        ScoreDoc[] docs = searcher.search(query(concepts), CANDIDATES).scoreDocs;
        List<Candidate> candidates = new ArrayList<>(docs.length);
        Map<Integer, Set<String>> present = present(reader, docs, stems(concepts));
        NumericDocValuesReader bodyLengths = new NumericDocValuesReader(reader, LuceneKnowledgeBase.BODY_LENGTH);
        for (ScoreDoc sd : docs) {
            double coverage = coverage(concepts, weights, present.get(sd.doc));
            boolean emptyBody = bodyLengths.get(sd.doc) == 0;
            double rank = sd.score * (0.25 + coverage) * (emptyBody ? 0.7 : 1.0);
            candidates.add(new Candidate(sd.doc, sd.score, coverage, rank));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::rank).reversed());
        if (candidates.isEmpty() || candidates.get(0).coverage() < MIN_COVERAGE) {
            return Answer.declined(question);
        }
        List<Hit> hits = new ArrayList<>();
        var stored = reader.storedFields();
        for (Candidate c : candidates) {
            if (hits.size() >= top) {
                break;
            }
            Passage passage = passage(stored.document(c.doc()));
            List<String> lines = LineHighlighter.lines(passage, concepts, weights, generation.stemming);
            hits.add(new Hit(passage, lines, c.rank()));
        }
        String interpreted = rewritten.equals(question) ? null : rewritten;
        return new Answer(question, true, hits, interpreted);
    }

    /** A diagnostic account of how a question is searched: the rewrite, the concepts, the candidates. */
    String explain(String question) throws IOException {
        String rewritten = rewriter.rewrite(question);
        List<Concept> concepts = concepts(rewritten);
        IndexReader reader = generation.reader;
        double[] weights = weights(concepts, reader);
        StringBuilder sb = new StringBuilder("rewritten: " + rewritten + "\n  query: " + query(concepts) + "\n");
        for (int i = 0; i < concepts.size(); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "  concept %.2f %s parts=%s%n", weights[i],
                    concepts.get(i).alternatives(), concepts.get(i).parts()));
        }
        ScoreDoc[] docs = generation.newSearcher().search(query(concepts), 8).scoreDocs;
        Map<Integer, Set<String>> present = present(reader, docs, stems(concepts));
        for (ScoreDoc sd : docs) {
            double coverage = coverage(concepts, weights, present.get(sd.doc));
            Passage p = passage(reader.storedFields().document(sd.doc));
            sb.append(String.format(java.util.Locale.ROOT, "  %.3f cov=%.2f #%d %s%n", sd.score, coverage, p.slide(), p.title()));
        }
        return sb.toString();
    }

    private static double coverage(List<Concept> concepts, double[] weights, Set<String> present) {
        double covered = 0;
        double total = 0;
        for (int i = 0; i < concepts.size(); i++) {
            covered += weights[i] * concepts.get(i).credit(present);
            total += weights[i];
        }
        return total == 0 ? 0 : covered / total;
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
     * Which of the question's stems each candidate has, in its title or text. Read from the postings,
     * advancing over the candidates in doc id order: far cheaper than term vectors per document.
     */
    static Map<Integer, Set<String>> present(IndexReader reader, ScoreDoc[] docs, Set<String> stems) throws IOException {
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
            for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY)) {
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

    private static Passage passage(Document doc) {
        return new Passage(doc.get(LuceneKnowledgeBase.SOURCE),
                doc.getField(LuceneKnowledgeBase.SLIDE).numericValue().intValue(),
                doc.get(LuceneKnowledgeBase.TITLE), doc.get(LuceneKnowledgeBase.BODY),
                doc.get(LuceneKnowledgeBase.PART),
                doc.getField(LuceneKnowledgeBase.DAY).numericValue().intValue());
    }

    /** The question's content words, grouped with their synonyms and compound parts. */
    List<Concept> concepts(String question) {
        List<NorwegianAnalysis.Token> tokens = NorwegianAnalysis.tokens(generation.stemming, LuceneKnowledgeBase.BODY, question);
        List<String> mains = new ArrayList<>();
        List<List<String>> partsOf = new ArrayList<>();
        for (NorwegianAnalysis.Token t : tokens) {
            if (t.stacked() && !mains.isEmpty()) {
                partsOf.get(partsOf.size() - 1).add(t.term());
            } else {
                mains.add(t.term());
                partsOf.add(new ArrayList<>());
            }
        }
        List<Concept> concepts = new ArrayList<>();
        for (int i = 0; i < mains.size(); ) {
            Synonyms.Match match = synonyms.match(mains, i);
            List<List<String>> alternatives;
            List<List<List<String>>> parts = new ArrayList<>();
            int length;
            if (match == null) {
                alternatives = List.of(List.of(mains.get(i)));
                length = 1;
            } else {
                alternatives = match.expansion();
                length = match.length();
            }
            if (length == 1) {
                for (String part : partsOf.get(i)) {
                    Synonyms.Match pm = synonyms.match(List.of(part), 0);
                    parts.add(pm == null ? List.of(List.of(part)) : pm.expansion());
                }
            }
            boolean duplicate = concepts.stream().anyMatch(c -> c.alternatives().equals(alternatives));
            if (!duplicate) {
                concepts.add(new Concept(alternatives, parts));
            }
            i += length;
        }
        return concepts;
    }

    private static double[] weights(List<Concept> concepts, IndexReader reader) throws IOException {
        int n = Math.max(1, reader.numDocs());
        double unknown = idf(1, n);
        double[] weights = new double[concepts.size()];
        for (int i = 0; i < concepts.size(); i++) {
            int df = concepts.get(i).docFreq(reader);
            weights[i] = df == 0 ? unknown : idf(df, n);
        }
        return weights;
    }

    private static double idf(int df, int n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
                for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY)) {
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
     */
    record Concept(List<List<String>> alternatives, List<List<List<String>>> parts) {

        Query query() {
            List<Query> disjuncts = new ArrayList<>();
            for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY)) {
                float boost = field.equals(LuceneKnowledgeBase.TITLE) ? TITLE_BOOST : 1f;
                disjuncts.add(new BoostQuery(alternativesQuery(field, alternatives), boost));
            }
            if (!parts.isEmpty()) {
                BooleanQuery.Builder partQuery = new BooleanQuery.Builder();
                for (List<List<String>> part : parts) {
                    for (String field : List.of(LuceneKnowledgeBase.TITLE, LuceneKnowledgeBase.BODY)) {
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
                int df = Integer.MAX_VALUE;
                for (String stem : alternative) {
                    df = Math.min(df, Math.max(reader.docFreq(new Term(LuceneKnowledgeBase.BODY, stem)),
                            reader.docFreq(new Term(LuceneKnowledgeBase.TITLE, stem))));
                }
                best = Math.max(best, df);
            }
            return best;
        }
    }

    private record Candidate(int doc, float score, double coverage, double rank) {
    }
}
