package no.folkevalgt.core;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds which packages compiled classes refer to, by reading the constant pool of each class file.
 * Every type a class uses (fields, methods, signatures, annotations, string constants) appears there.
 */
final class ClassFileScanner {

    private ClassFileScanner() {
    }

    /** Class files under a folder, relative path to the forbidden references each makes. */
    static Map<String, List<String>> violations(Path classesDir, List<String> forbiddenPackages) throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                List<String> bad = new ArrayList<>();
                for (String constant : utf8Constants(file)) {
                    String slashed = constant.replace('.', '/');
                    for (String pkg : forbiddenPackages) {
                        String prefix = pkg.replace('.', '/') + "/";
                        if (slashed.startsWith(prefix) || slashed.contains("L" + prefix)) {
                            bad.add(constant);
                        }
                    }
                }
                if (!bad.isEmpty()) {
                    found.put(classesDir.relativize(file).toString(), bad.stream().distinct().sorted().toList());
                }
            }
        }
        return found;
    }

    /** Number of class files under a folder. */
    static long count(Path classesDir) throws IOException {
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS 4.4). */
    static List<String> utf8Constants(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            List<String> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            return strings;
        }
    }
}
