package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the web side's classes small enough to hold in one's head: no constructor in
 * {@code dev.gradsheet.ui..} longer than {@value #MAX_CONSTRUCTOR_LINES} lines (a view's constructor
 * builds its parts and wires them; the parts' own set-up lives in the parts), and no
 * {@code synchronized} anywhere in {@code ui} (the page's thread holds Vaadin's session lock; locking
 * belongs to the server's classes, such as {@code JobSlot}). The sources are read with JavaParser.
 */
class ViewSizeTest {
    /** The longest a constructor of a {@code ui} class may be, from its signature to its closing brace. */
    static final int MAX_CONSTRUCTOR_LINES = 40;
    private static final Path UI_SOURCES = Path.of("src/main/java/dev/gradsheet/ui");


    @Test
    void noUiConstructorIsLongerThanFortyLines() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : uiSources()) {
            found.addAll(longConstructors(parse(file), file.getFileName().toString()));
        }
        assertThat(found).as("constructors over %d lines: split the view into parts", MAX_CONSTRUCTOR_LINES).isEmpty();
    }

    @Test
    void noUiClassSynchronizes() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : uiSources()) {
            found.addAll(synchronizing(parse(file), file.getFileName().toString()));
        }
        assertThat(found).as("synchronized in the web side: let a server class own the lock").isEmpty();
    }

    /** The checks themselves: a long constructor and both kinds of synchronized are found. */
    @Test
    void theChecksFindWhatTheyLookFor() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < MAX_CONSTRUCTOR_LINES - 2; i++) {
            body.append("        x++;\n");
        }
        String fits = "class A {\n    int x;\n    A() {\n" + body + "    }\n}\n"; // exactly the limit
        String tooLong = "class B {\n    int x;\n    B() {\n" + body + "        x++;\n    }\n}\n";
        assertThat(longConstructors(parse(fits), "A.java")).isEmpty();
        assertThat(longConstructors(parse(tooLong), "B.java")).containsExactly("B.java:3 B() is 41 lines");
        String locks = "class C {\n    synchronized void a() {}\n    void b() {\n        synchronized (this) {}\n    }\n}\n";
        assertThat(synchronizing(parse(locks), "C.java"))
                .containsExactly("C.java:2 synchronized method a", "C.java:4 synchronized block");
    }

    static List<String> longConstructors(CompilationUnit unit, String file) {
        List<String> found = new ArrayList<>();
        for (ConstructorDeclaration c : unit.findAll(ConstructorDeclaration.class)) {
            int begin = c.getBegin().orElseThrow().line;
            int lines = c.getEnd().orElseThrow().line - begin + 1;
            if (lines > MAX_CONSTRUCTOR_LINES) {
                found.add(file + ":" + begin + " " + c.getNameAsString() + "() is " + lines + " lines");
            }
        }
        return found;
    }

    static List<String> synchronizing(CompilationUnit unit, String file) {
        List<String> found = new ArrayList<>();
        for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
            if (m.hasModifier(Modifier.Keyword.SYNCHRONIZED)) {
                found.add(file + ":" + m.getBegin().orElseThrow().line + " synchronized method " + m.getNameAsString());
            }
        }
        for (SynchronizedStmt s : unit.findAll(SynchronizedStmt.class)) {
            found.add(file + ":" + s.getBegin().orElseThrow().line + " synchronized block");
        }
        return found;
    }

    private static List<Path> uiSources() throws IOException {
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static CompilationUnit parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CompilationUnit parse(String source) {
        ParseResult<CompilationUnit> result = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source);
        assertThat(result.getProblems()).as("the source parses").isEmpty();
        return result.getResult().orElseThrow();
    }
}
