package no.folkevalgt.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The baseline: what a plain Lucene search over the same index costs. The question goes through the
 * same stemming analyzer (with the same compound dictionary) as the real path, becomes a flat
 * BooleanQuery of SHOULD TermQuerys on the body field, and the stored fields of the top hits are read.
 * No rewriting, synonyms, phrases, title field, re-ranking or highlighting.
 */
final class BareSearch implements Closeable {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer stemming;

    /** Opens the generation that {@code indexDir/CURRENT} points at. */
    BareSearch(Path indexDir) throws IOException {
        String generation = Files.readString(indexDir.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
        this.reader = DirectoryReader.open(FSDirectory.open(indexDir.resolve(generation)));
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        this.stemming = NorwegianAnalysis.stemming(LuceneKnowledgeBase.dictionary(terms(reader, LuceneKnowledgeBase.EXACT)));
    }

    /** The stored documents of the best {@code top} passages for the question, best first. */
    List<Document> search(String question, int top) throws IOException {
        List<String> terms = NorwegianAnalysis.terms(stemming, LuceneKnowledgeBase.BODY, question);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new TermQuery(new Term(LuceneKnowledgeBase.BODY, term)), BooleanClause.Occur.SHOULD);
        }
        ScoreDoc[] hits = searcher.search(query.build(), top).scoreDocs;
        StoredFields stored = reader.storedFields();
        List<Document> docs = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            docs.add(stored.document(hit.doc));
        }
        return docs;
    }

    int passages() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static Set<String> terms(DirectoryReader reader, String field) throws IOException {
        Set<String> out = new HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                out.add(t.utf8ToString());
            }
        }
        return out;
    }
}
