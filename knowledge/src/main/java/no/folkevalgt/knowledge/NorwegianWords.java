package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizer;

/**
 * The words of Norwegian at large (Bokmål and Nynorsk), from Norsk ordbank's lemma lists (CC BY 4.0,
 * see {@code ordbank/README.md}), for telling a Norwegian word the material happens not to contain
 * from a typo. A word counts as Norwegian when its stem is the stem of a base form, so inflected forms
 * ("fagforeningene", "kjeftinga") are known too.
 *
 * <p>The stems are kept sorted in one byte array (about 2 MB for 185,000 base forms) and looked up by
 * binary search: far smaller than a hash set of strings, and loaded once per process.
 */
final class NorwegianWords {

    private static final String RESOURCE = "ordbank/lemma.txt.gz";
    /* The same foldings Lucene's NorwegianNormalizationFilter uses, so stems compare with the index's. */
    private static final ScandinavianNormalizer NORMALIZER = new ScandinavianNormalizer(EnumSet.of(
            ScandinavianNormalizer.Foldings.AE, ScandinavianNormalizer.Foldings.OE, ScandinavianNormalizer.Foldings.AA));

    private final byte[] bytes;
    private final int[] starts;

    private NorwegianWords(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** The bundled lexicon, read on first use. */
    static NorwegianWords bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final NorwegianWords BUNDLED = load();
    }

    /** Whether a lower-cased, normalised surface form is a Norwegian word or an inflection of one. */
    boolean contains(String surface) {
        if (surface.isEmpty()) {
            return false;
        }
        return find(NorwegianAnalysis.stem(surface)) || find(surface);
    }

    /** How many distinct stems the lexicon holds. */
    int size() {
        return starts.length - 1;
    }

    private boolean find(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], k, 0, k.length);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static NorwegianWords load() {
        List<String> stems = new ArrayList<>(200_000);
        try (InputStream raw = NorwegianWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            char[] buffer = new char[64];
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() || line.length() > buffer.length) {
                    continue;
                }
                line.getChars(0, line.length(), buffer, 0);
                int length = NORMALIZER.processToken(buffer, line.length());
                String normalised = new String(buffer, 0, length);
                stems.add(normalised);
                stems.add(NorwegianAnalysis.stem(normalised));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        return of(stems);
    }

    /** A lexicon over the given keys (stems and surface forms), for tests. */
    static NorwegianWords of(List<String> keys) {
        byte[][] encoded = keys.stream().distinct().map(s -> s.getBytes(StandardCharsets.UTF_8))
                .sorted(Arrays::compareUnsigned).toArray(byte[][]::new);
        int total = 0;
        for (byte[] e : encoded) {
            total += e.length;
        }
        byte[] bytes = new byte[total];
        int[] starts = new int[encoded.length + 1];
        int at = 0;
        for (int i = 0; i < encoded.length; i++) {
            starts[i] = at;
            System.arraycopy(encoded[i], 0, bytes, at, encoded[i].length);
            at += encoded[i].length;
        }
        starts[encoded.length] = at;
        return new NorwegianWords(bytes, starts);
    }
}
