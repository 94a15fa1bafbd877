package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;

/**
 * The knowledge base on a Lucene index on local disk.
 *
 * <p>The index is built from the content folder (the material and its question banks, {@link
 * QuestionBank}) when it changed (by content hash) and kept under {@code indexDir}; {@link #refresh()}
 * (or {@link #watch}) picks up new material without a restart. A question is answered in steps (see
 * docs/search.md): off-topic messages are declined, unknown words rewritten (compounds, Nynorsk,
 * typos that are not Norwegian words), the words taken to their base forms and weighed by how much
 * they say, expanded with the thesaurus, searched over title, text and question bank, and the
 * candidates ranked by how much of the question they cover and how well one of their bank questions
 * matches it. The answer is sure, unsure (the closest passages as suggestions) or none.
 *
 * <pre>{@code
 * try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(Path.of("content"), Path.of("data/index")).open()) {
 *     Answer answer = kb.ask("Hvordan får jeg en sak på saklista?", 3);
 * }
 * }</pre>
 */
public final class LuceneKnowledgeBase implements KnowledgeBase {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** The question bank's questions for the passage, one value each. */
    static final String QUESTIONS = "questions";
    static final String EXACT = "exact";
    static final String SOURCE = "source";
    static final String SLIDE = "slide";
    static final String PART = "part";
    static final String DAY = "day";
    /** The section a citation names before a title that says little ({@link Passage#section()}). */
    static final String SECTION = "section";
    /** The title of the material the passage is in ({@link Passage#material()}): stored for citations, never searched. */
    static final String MATERIAL = "material";
    /** Length of a passage's text (0 for a title-only slide), as doc values for the ranking. */
    static final String BODY_LENGTH = "bodyLength";

    /**
     * Bump when analysis or fields change: an index of another version is rebuilt. The bundled word
     * lists the index side depends on (base forms, stop words) count too, by their checksum.
     */
    static final String ANALYSIS_VERSION = "12-" + NorwegianAnalysis.resourcesChecksum();

    private static final Logger LOG = LoggerFactory.getLogger(LuceneKnowledgeBase.class);
    private static final String CURRENT = "CURRENT";
    private static final FieldType SEARCHED = searchedFieldType();

    private final Path contentDir;
    private final Path indexDir;
    private final Path synonymsFile;
    private final Cache<String, Answer> cache;
    private final Object refreshLock = new Object();
    private volatile Generation generation;
    private volatile String fingerprint;
    private ScheduledExecutorService watcher;

    private LuceneKnowledgeBase(Builder builder, Generation generation, String fingerprint) {
        this.contentDir = builder.contentDir;
        this.indexDir = builder.indexDir;
        this.synonymsFile = builder.synonymsFile;
        this.generation = generation;
        this.fingerprint = fingerprint;
        this.cache = builder.cacheSize == 0 ? null
                : Caffeine.newBuilder().maximumSize(builder.cacheSize).recordStats().build();
    }

    /** Opens the knowledge base with the default settings (bundled synonyms, 10,000 cached questions). */
    public static LuceneKnowledgeBase open(Path contentDir, Path indexDir) throws IOException {
        return builder(contentDir, indexDir).open();
    }

    /** Starts configuring a knowledge base over a content folder and an index folder. */
    public static Builder builder(Path contentDir, Path indexDir) {
        return new Builder(contentDir, indexDir);
    }

    /**
     * Brings the index in {@code indexDir} up to date with the material in {@code contentDir}.
     *
     * @param force rebuild even when the material has not changed
     */
    public static IndexReport index(Path contentDir, Path indexDir, IngestProgress progress, boolean force)
            throws IOException {
        long start = System.nanoTime();
        ContentReader reader = ContentReader.of(contentDir);
        String hash = reader.contentHash();
        if (!force) {
            Map<String, String> current = currentCommit(indexDir);
            if (current != null && hash.equals(current.get("contentHash"))) {
                return new IndexReport(Integer.parseInt(current.getOrDefault("files", "0")),
                        Integer.parseInt(current.getOrDefault("passages", "0")), List.of(),
                        (System.nanoTime() - start) / 1_000_000, false);
            }
        }
        Ingested ingested = reader.read(progress);
        int files = countFiles(ingested);
        build(indexDir, ingested, files);
        return new IndexReport(files, ingested.passages().size(), ingested.problems(),
                (System.nanoTime() - start) / 1_000_000, true);
    }

    @Override
    public Answer ask(String question, int top) {
        Objects.requireNonNull(question, "question");
        if (top < 1) {
            throw new IllegalArgumentException("top must be 1 or more but was " + top);
        }
        String cleaned = Questions.clean(question);
        if (cleaned.isEmpty() || cleaned.length() > Questions.MAX_LENGTH) {
            return Answer.declined(question);
        }
        String key = Math.min(top, Questions.MAX_TOP) + "|" + cleaned.toLowerCase(Locale.ROOT);
        Answer found = cache == null ? search(cleaned, null, Math.min(top, Questions.MAX_TOP))
                : cache.get(key, k -> search(cleaned, null, Math.min(top, Questions.MAX_TOP)));
        return found.forQuestion(question);
    }

    @Override
    public Answer ask(String question, String focus, int top) {
        Objects.requireNonNull(question, "question");
        if (focus == null || focus.isBlank()) {
            return ask(question, top);
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be 1 or more but was " + top);
        }
        String cleaned = Questions.clean(question);
        String cleanFocus = Questions.clean(focus);
        if (cleaned.isEmpty() || cleaned.length() > Questions.MAX_LENGTH) {
            return Answer.declined(question);
        }
        /* Follow-ups are rarely asked twice alike: searched, not cached. */
        return search(cleaned, cleanFocus, Math.min(top, Questions.MAX_TOP)).forQuestion(question);
    }

    private Answer search(String question, String focus, int top) {
        Generation g = acquire();
        try {
            return g.searcher.answer(question, focus, top);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for the index in " + indexDir, e);
        } finally {
            g.release();
        }
    }

    /** The current index generation, for developer tools in this package (not acquired: tools only). */
    Generation generationForTools() {
        return generation;
    }

    /** A diagnostic account of how a question is searched, for developers tuning the analysis. */
    String explain(String question) throws IOException {
        Generation g = acquire();
        try {
            return g.searcher.explain(Questions.clean(question));
        } finally {
            g.release();
        }
    }

    @Override
    public int closest(String question, List<String> known) {
        Objects.requireNonNull(question, "question");
        Generation g = acquire();
        try {
            return g.searcher.closest(question, known);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for the index in " + indexDir, e);
        } finally {
            g.release();
        }
    }

    @Override
    public Answer answerFrom(String question, String passageId, int top) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(passageId, "passageId");
        if (top < 1) {
            throw new IllegalArgumentException("top must be 1 or more but was " + top);
        }
        String cleaned = Questions.clean(question);
        Generation g = acquire();
        try {
            TopDocs found = g.newSearcher().search(new TermQuery(new Term(ID, passageId)), 1);
            if (found.scoreDocs.length == 0) {
                return null;
            }
            return g.searcher.answerFrom(cleaned.isEmpty() ? question : cleaned, found.scoreDocs[0].doc,
                    Math.min(top, Questions.MAX_TOP)).forQuestion(question);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for the index in " + indexDir, e);
        } finally {
            g.release();
        }
    }

    @Override
    public List<Passage> passages() {
        return generation.all;
    }

    @Override
    public List<String> topics() {
        return generation.topics;
    }

    @Override
    public Stats stats() {
        var stats = cache == null ? com.github.benmanes.caffeine.cache.stats.CacheStats.empty() : cache.stats();
        return new Stats(generation.passages, generation.contentHash, stats.hitCount(), stats.missCount());
    }

    /**
     * Rebuilds and swaps in the index if the material or the synonyms changed since the last look.
     * Cheap when nothing changed: it compares file sizes and modification times first.
     *
     * @return true when a new index was swapped in
     */
    public boolean refresh() throws IOException {
        synchronized (refreshLock) {
            String now = fingerprint(contentDir, synonymsFile);
            if (now.equals(fingerprint)) {
                return false;
            }
            Generation old = generation;
            Synonyms synonyms = loadSynonyms(synonymsFile);
            index(contentDir, indexDir, IngestProgress.NONE, false);
            Generation fresh = Generation.open(indexDir, synonyms);
            fingerprint = now;
            if (fresh.contentHash.equals(old.contentHash) && fresh.dir.equals(old.dir)) {
                fresh.release();
                old.replaceSynonyms(synonyms);
                invalidateCache();
                return true;
            }
            generation = fresh;
            invalidateCache();
            old.release();
            LOG.info("Ny versjon av materialet lastet: {} passasjer", fresh.passages);
            return true;
        }
    }

    private void invalidateCache() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /** Checks for new material every {@code interval} on a daemon thread until {@link #close()}. */
    @Override
    public synchronized void watch(Duration interval) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Kunne ikke lese nytt materiale; fortsetter med det forrige: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
        Generation g = generation;
        if (g != null) {
            g.release();
        }
    }

    private Generation acquire() {
        while (true) {
            Generation g = generation;
            if (g.tryAcquire()) {
                return g;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Building

    private static FieldType searchedFieldType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.freeze();
        return type;
    }

    private static int countFiles(Ingested ingested) {
        Set<String> sources = new HashSet<>();
        ingested.passages().forEach(p -> sources.add(p.source()));
        ingested.problems().stream().filter(p -> !p.inQuestionBank() && !p.inTitleFile()).forEach(p -> sources.add(p.file()));
        return sources.size();
    }

    private static void build(Path indexDir, Ingested ingested, int files) throws IOException {
        Files.createDirectories(indexDir);
        Analyzer exact = NorwegianAnalysis.exact();
        Set<String> surfaces = new HashSet<>();
        for (Passage p : ingested.passages()) {
            surfaces.addAll(NorwegianAnalysis.terms(exact, EXACT, exactText(p, ingested.questionsFor(p))));
        }
        CompoundSplitFilter.Dictionary dictionary = dictionary(surfaces);
        String name = "gen-" + ingested.contentHash().substring(0, 12) + "-" + System.currentTimeMillis();
        Path dir = indexDir.resolve(name);
        IndexWriterConfig config = new IndexWriterConfig(analyzer(dictionary))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity());
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            for (Passage p : ingested.passages()) {
                writer.addDocument(document(p, ingested.questionsFor(p)));
            }
            writer.setLiveCommitData(Map.of(
                    "contentHash", ingested.contentHash(),
                    "analysisVersion", ANALYSIS_VERSION,
                    "files", Integer.toString(files),
                    "passages", Integer.toString(ingested.passages().size()),
                    "topics", String.join("\n", topics(ingested.passages()))).entrySet());
            writer.commit();
        }
        Path tmp = indexDir.resolve(CURRENT + ".tmp-" + ProcessHandle.current().pid());
        Files.writeString(tmp, name, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, indexDir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, indexDir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        deleteOldGenerations(indexDir, name);
    }

    private static Document document(Passage p, List<String> questions) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new Field(TITLE, p.title(), SEARCHED));
        doc.add(new Field(BODY, p.text(), SEARCHED));
        for (String q : questions) {
            doc.add(new Field(QUESTIONS, q, SEARCHED));
        }
        doc.add(new TextField(EXACT, exactText(p, questions), Field.Store.NO));
        doc.add(new StoredField(SOURCE, p.source()));
        doc.add(new StoredField(SLIDE, p.slide()));
        doc.add(new StoredField(PART, p.part()));
        doc.add(new StoredField(DAY, p.day()));
        doc.add(new StoredField(SECTION, p.section()));
        doc.add(new StoredField(MATERIAL, p.material()));
        doc.add(new NumericDocValuesField(BODY_LENGTH, p.text().strip().length()));
        return doc;
    }

    /* The surface words of a passage: its title, text and bank questions (spelling and compounds learn from all). */
    private static String exactText(Passage p, List<String> questions) {
        return p.title() + "\n" + p.text() + (questions.isEmpty() ? "" : "\n" + String.join("\n", questions));
    }

    /**
     * The parts of the programme that have content, in order of first appearance: a part counts when
     * at least one of its slides says more than a section divider does ({@link DeckStructure#hasContent});
     * an agenda item whose slides are only a title or a photo credit has nothing to answer from.
     */
    static List<String> topics(List<Passage> passages) {
        Set<String> parts = new LinkedHashSet<>();
        for (Passage p : passages) {
            if (!p.part().isBlank() && DeckStructure.hasContent(p)) {
                parts.add(p.part().replace('\n', ' '));
            }
        }
        return List.copyOf(parts);
    }

    static Analyzer analyzer(CompoundSplitFilter.Dictionary dictionary) {
        return new PerFieldAnalyzerWrapper(NorwegianAnalysis.stemming(dictionary),
                Map.of(EXACT, NorwegianAnalysis.exact()));
    }

    /** Words compounds may be split into: the corpus's surface forms and their stems, minus stop words. */
    static CompoundSplitFilter.Dictionary dictionary(Set<String> surfaces) {
        Set<String> words = new HashSet<>();
        Set<String> whole = new HashSet<>();
        for (String s : surfaces) {
            if (s.length() >= CompoundSplitFilter.MIN_PART && !NorwegianAnalysis.STOP_WORDS.contains(s)
                    && s.chars().allMatch(Character::isLetter)) {
                whole.add(s);
                words.add(s);
                String stem = NorwegianAnalysis.stem(s);
                if (stem.length() >= CompoundSplitFilter.MIN_PART) {
                    words.add(stem);
                }
            }
        }
        return new CompoundSplitFilter.Dictionary(Set.copyOf(words), Set.copyOf(whole));
    }

    /** Removes index generations other than {@code keep}; one still open elsewhere is left for later. */
    private static void deleteOldGenerations(Path indexDir, String keep) {
        try (Stream<Path> dirs = Files.list(indexDir)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir) && name.startsWith("gen-") && !name.equals(keep)
                        && Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - 60_000) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not clean old index generations in {}: {}", indexDir, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }

    /** The commit data of the current generation, or null when there is no usable index. */
    private static Map<String, String> currentCommit(Path indexDir) {
        Path dir = currentDir(indexDir);
        if (dir == null) {
            return null;
        }
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            Map<String, String> data = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData();
            return ANALYSIS_VERSION.equals(data.get("analysisVersion")) ? data : null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Indeksen i {} kan ikke leses og bygges på nytt: {}", dir, e.toString());
            return null;
        }
    }

    private static Path currentDir(Path indexDir) {
        Path pointer = indexDir.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return null;
        }
        try {
            Path dir = indexDir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            return Files.isDirectory(dir) ? dir : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Sizes and modification times of the material and the synonyms: changes when any of them does. */
    static String fingerprint(Path contentDir, Path synonymsFile) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(contentDir)) {
            try (Stream<Path> walk = Files.walk(contentDir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(paths::add);
            }
        }
        if (synonymsFile != null && Files.isRegularFile(synonymsFile)) {
            paths.add(synonymsFile);
        }
        for (Path p : paths) {
            try {
                sb.append(p).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            } catch (IOException e) {
                sb.append(p).append("|gone\n");
            }
        }
        return sb.toString();
    }

    static Synonyms loadSynonyms(Path synonymsFile) throws IOException {
        List<Synonyms.NamedReader> files = new ArrayList<>();
        files.add(new Synonyms.NamedReader("tesaurus.txt", resource("tesaurus.txt")));
        files.add(new Synonyms.NamedReader("nynorsk.txt", resource("nynorsk.txt")));
        files.add(new Synonyms.NamedReader("english.txt", resource("english.txt")));
        if (synonymsFile != null) {
            files.add(new Synonyms.NamedReader(synonymsFile.getFileName().toString(),
                    Files.newBufferedReader(synonymsFile, StandardCharsets.UTF_8)));
        } else {
            files.add(new Synonyms.NamedReader("synonymer.txt", resource("synonymer.txt")));
        }
        try {
            return Synonyms.parse(files);
        } finally {
            for (Synonyms.NamedReader f : files) {
                f.reader().close();
            }
        }
    }

    private static Reader resource(String name) {
        var in = LuceneKnowledgeBase.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing: " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------

    /** One opened index generation with everything derived from it. */
    static final class Generation {
        final Path dir;
        final DirectoryReader reader;
        final String contentHash;
        final int passages;
        final List<String> topics;
        /** Every passage, in the material's order. */
        final List<Passage> all;
        final QueryRewriter.Vocabulary vocabulary;
        final Analyzer stemming;
        /** {@link #stemming} with stop words marked rather than dropped, for a question's words. */
        final Analyzer question;
        final Analyzer exact;
        /** The question bank by global doc id; empty when the material has none. */
        final Map<Integer, List<String>> questions;
        volatile PassageSearcher searcher;

        private Generation(Path dir, DirectoryReader reader, Synonyms synonyms) throws IOException {
            this.dir = dir;
            this.reader = reader;
            this.contentHash = reader.getIndexCommit().getUserData().getOrDefault("contentHash", "");
            this.passages = reader.numDocs();
            this.exact = NorwegianAnalysis.exact();
            Set<String> surfaces = terms(reader, EXACT, false);
            Set<String> stems = new HashSet<>(terms(reader, BODY, true));
            stems.addAll(terms(reader, TITLE, true));
            stems.addAll(terms(reader, QUESTIONS, true));
            this.questions = questions(reader);
            CompoundSplitFilter.Dictionary dictionary = dictionary(surfaces);
            this.vocabulary = new QueryRewriter.Vocabulary(surfaces, Set.copyOf(stems), dictionary);
            this.stemming = NorwegianAnalysis.stemming(dictionary);
            this.question = NorwegianAnalysis.question(dictionary);
            this.topics = topics(reader);
            this.all = all(reader);
            this.searcher = new PassageSearcher(this, synonyms);
        }

        static Generation open(Path indexDir, Synonyms synonyms) throws IOException {
            Path dir = currentDir(indexDir);
            if (dir == null) {
                throw new IOException("no index in " + indexDir);
            }
            DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir));
            try {
                return new Generation(dir, reader, synonyms);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        void replaceSynonyms(Synonyms synonyms) {
            searcher = new PassageSearcher(this, synonyms);
        }

        IndexSearcher newSearcher() {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(new BM25Similarity());
            return s;
        }

        boolean tryAcquire() {
            return reader.tryIncRef();
        }

        void release() {
            try {
                reader.decRef();
            } catch (IOException e) {
                LOG.debug("closing an old index generation failed: {}", e.toString());
            }
        }

        private static Set<String> terms(DirectoryReader reader, String field, boolean lettersOnly) throws IOException {
            Set<String> out = new HashSet<>();
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return out;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                String s = t.utf8ToString();
                if (!lettersOnly || s.chars().anyMatch(Character::isLetter)) {
                    out.add(s);
                }
            }
            return Set.copyOf(out);
        }

        private static Map<Integer, List<String>> questions(DirectoryReader reader) throws IOException {
            if (MultiTerms.getTerms(reader, QUESTIONS) == null) {
                return Map.of();
            }
            Map<Integer, List<String>> out = new HashMap<>();
            var stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String[] values = stored.document(doc, Set.of(QUESTIONS)).getValues(QUESTIONS);
                if (values.length > 0) {
                    out.put(doc, List.of(values));
                }
            }
            return Map.copyOf(out);
        }

        private static List<Passage> all(DirectoryReader reader) throws IOException {
            List<Passage> out = new ArrayList<>();
            var stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                out.add(PassageSearcher.passage(stored.document(doc)));
            }
            out.sort(java.util.Comparator.comparing(Passage::source).thenComparingInt(Passage::slide));
            return List.copyOf(out);
        }

        private static List<String> topics(DirectoryReader reader) throws IOException {
            String topics = reader.getIndexCommit().getUserData().getOrDefault("topics", "");
            return topics.isBlank() ? List.of() : List.of(topics.split("\n"));
        }
    }

    /** Configures and opens a {@link LuceneKnowledgeBase}. */
    public static final class Builder {
        private final Path contentDir;
        private final Path indexDir;
        private Path synonymsFile;
        private long cacheSize = 10_000;

        private Builder(Path contentDir, Path indexDir) {
            this.contentDir = Objects.requireNonNull(contentDir, "contentDir");
            this.indexDir = Objects.requireNonNull(indexDir, "indexDir");
        }

        /** The organiser's synonyms file, used instead of the bundled one; null for the bundled one. */
        public Builder synonyms(Path file) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("synonymfilen finnes ikke: " + file);
            }
            this.synonymsFile = file;
            return this;
        }

        /** How many distinct questions the answer cache keeps (0 turns it off). */
        public Builder cacheSize(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("cacheSize must be 0 or more but was " + size);
            }
            this.cacheSize = size;
            return this;
        }

        /** Builds the index if the material changed, then opens it. */
        public LuceneKnowledgeBase open() throws IOException {
            if (!Files.isDirectory(contentDir)) {
                throw new IOException("innholdsmappen finnes ikke: " + contentDir);
            }
            String fingerprint = fingerprint(contentDir, synonymsFile);
            Synonyms synonyms = loadSynonyms(synonymsFile);
            index(contentDir, indexDir, IngestProgress.NONE, false);
            return new LuceneKnowledgeBase(this, Generation.open(indexDir, synonyms), fingerprint);
        }
    }
}
