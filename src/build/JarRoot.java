import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Works out what goes at the root of target/gradsheet.jar, where a command runs from as a plain
 * {@code java -cp} program: our command line's packages (named in src/build/boundaries.properties)
 * and every library they need, found by jdeps from their bytecode over the app's runtime class path,
 * so no library is listed by hand. The build (pom.xml, prepare-package) runs it as a source file:
 *
 * <pre>java src/build/JarRoot.java CLASSES PACKAGES CLASSPATH LOCAL_REPOSITORY OUT</pre>
 *
 * CLASSES is the compiled classes folder, PACKAGES the comma-separated patterns of the classes that go
 * to the root, CLASSPATH the runtime class path, LOCAL_REPOSITORY Maven's. It writes OUT/root.zip (the
 * root's entries: our classes, each library's classes, their service files merged and their licences
 * under META-INF/licenses/) and OUT/root.properties ({@code jar.root.libraries}: the libraries'
 * groupId:artifactId, which Spring Boot's repackage then leaves out of BOOT-INF/lib).
 *
 * <p>It fails (exit 1), naming the classes, when one of our root classes needs a class that is neither
 * in the JDK nor in a runtime library — a web class of ours, say — since the command would fail with
 * NoClassDefFoundError; and when two root libraries hold the same class. A library's own references
 * to classes no dependency provides are its optional parts (its pom's choice) and only counted.
 */
public final class JarRoot {
    private static final String LICENCES = "META-INF/licenses/";
    private static final String SERVICES = "META-INF/services/";

    private final Path classes;
    private final List<String> patterns;
    private final List<String> classpath;
    private final Path repository;
    private final Path out;

    private JarRoot(Path classes, List<String> patterns, List<String> classpath, Path repository, Path out) {
        this.classes = classes;
        this.patterns = patterns;
        this.classpath = classpath;
        this.repository = repository;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java JarRoot.java CLASSES PACKAGES CLASSPATH LOCAL_REPOSITORY OUT");
            System.exit(2);
        }
        Path classes = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> classpath = new ArrayList<>();
        for (String entry : args[2].split(File.pathSeparator)) {
            // The classes folder holds the web app's classes too: a root class must not find them there.
            if (!entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize().equals(classes)) {
                classpath.add(entry);
            }
        }
        List<String> patterns = Arrays.stream(args[1].split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        try {
            new JarRoot(classes, patterns, classpath, Path.of(args[3]), Path.of(args[4])).run();
        } catch (Refused e) {
            System.err.println("[jar root] " + e.getMessage());
            System.exit(1);
        }
    }

    /** A reason the root cannot be built, said to whoever runs the build. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private void run() throws IOException {
        Path ours = out.resolve("classes");
        deleteTree(out);
        Files.createDirectories(ours);
        int copied = copyOurs(ours);
        Dependencies found = Dependencies.of(jdeps("-R", "-summary", "-cp", String.join(File.pathSeparator, classpath),
                ours.toString()), ours.getFileName().toString());
        if (found.oursMissSomething) {
            throw new Refused(missingClassesOfOurs(ours));
        }
        Map<String, Path> libraries = new TreeMap<>(); // groupId:artifactId -> jar
        for (Path jar : found.jars) {
            libraries.put(coordinates(jar), jar);
        }
        writeRoot(ours, libraries);
        Files.writeString(out.resolve("root.properties"), "jar.root.libraries=" + String.join(",", libraries.keySet()) + "\n");
        System.out.println("[jar root] " + copied + " classes and resources of ours, and " + libraries.size()
                + " libraries they need: " + String.join(", ", libraries.keySet()));
        if (!found.librariesMissingSomething.isEmpty()) {
            System.out.println("[jar root] optional parts no dependency provides, referred to by "
                    + String.join(", ", found.librariesMissingSomething));
        }
    }

    /** Copies the classes and resources the patterns name into {@code to}; returns how many. */
    private int copyOurs(Path to) throws IOException {
        Map<String, PathMatcher> matchers = new LinkedHashMap<>();
        for (String p : patterns) {
            matchers.put(p, FileSystems.getDefault().getPathMatcher("glob:" + p));
        }
        Map<String, Integer> matched = new TreeMap<>();
        int copied = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path relative = classes.relativize(file);
            for (Map.Entry<String, PathMatcher> m : matchers.entrySet()) {
                if (m.getValue().matches(relative)) {
                    matched.merge(m.getKey(), 1, Integer::sum);
                    Files.createDirectories(to.resolve(relative).getParent());
                    Files.copy(file, to.resolve(relative));
                    copied++;
                    break;
                }
            }
        }
        for (String p : patterns) {
            if (!matched.containsKey(p)) {
                throw new Refused(p + " (boundaries.properties) matches nothing in " + classes
                        + ": was the package renamed or removed?");
            }
        }
        return copied;
    }

    /** What jdeps found reachable from our root classes. */
    private record Dependencies(List<Path> jars, boolean oursMissSomething, List<String> librariesMissingSomething) {
        /** Reads jdeps' summary: one "ARCHIVE -> DEPENDENCY" line per pair, a dependency being a jar, a module or "not found". */
        static Dependencies of(String summary, String ours) {
            TreeSet<Path> jars = new TreeSet<>();
            boolean oursMiss = false;
            TreeSet<String> librariesMissing = new TreeSet<>();
            for (String line : summary.split("\n")) {
                String[] pair = line.strip().split(" -> ");
                if (pair.length != 2) {
                    continue;
                }
                String from = pair[0].strip();
                String to = pair[1].strip();
                if (to.equals("not found")) {
                    if (from.equals(ours)) {
                        oursMiss = true;
                    } else {
                        librariesMissing.add(from);
                    }
                } else if (to.endsWith(".jar")) {
                    jars.add(Path.of(to));
                }
            }
            return new Dependencies(List.copyOf(jars), oursMiss, List.copyOf(librariesMissing));
        }
    }

    /** The message for root classes of ours that need classes nobody at the root provides: each such reference. */
    private String missingClassesOfOurs(Path ours) {
        String verbose = jdeps("-verbose:class", "-cp", String.join(File.pathSeparator, classpath), ours.toString());
        StringBuilder message = new StringBuilder("classes of the command line need classes that would not be at the"
                + " jar's root, so a command would fail with NoClassDefFoundError:\n");
        for (String line : verbose.split("\n")) {
            if (line.endsWith("not found")) {
                String[] parts = line.strip().split("\\s+");
                message.append("    ").append(parts[0]).append(" -> ").append(parts[2]).append('\n');
            }
        }
        return message.append("Use only the JDK, the command line's packages and their libraries there (a library"
                + " of the pom's is found by itself); a package of ours that is free of Spring and Vaadin can join"
                + " command.line.packages in src/build/boundaries.properties.").toString();
    }

    /** groupId:artifactId of a jar in the local repository (GROUP/PATH/ARTIFACT/VERSION/FILE.jar). */
    private String coordinates(Path jar) {
        Path relative = repository.toAbsolutePath().normalize().relativize(jar.toAbsolutePath().normalize());
        if (relative.startsWith("..") || relative.getNameCount() < 4) {
            throw new Refused(jar + " is not in the local repository " + repository
                    + ": cannot name it for Spring Boot's repackage");
        }
        Path artifact = relative.getParent().getParent();
        String groupId = artifact.getParent().toString().replace(File.separatorChar, '.');
        return groupId + ":" + artifact.getFileName();
    }

    /**
     * Writes root.zip: our classes, then each library's entries but its manifest, signatures, module
     * descriptors and versioned classes (the jar is not multi-release); service files are merged,
     * licence files kept under META-INF/licenses/ARTIFACT/. Two sources of one entry refuse the build.
     */
    private void writeRoot(Path ours, Map<String, Path> libraries) throws IOException {
        Map<String, String> source = new TreeMap<>(); // entry -> where it came from
        Map<String, StringBuilder> services = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out.resolve("root.zip")))) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(ours)) {
                files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
            }
            for (Path file : files) {
                String name = ours.relativize(file).toString().replace(File.separatorChar, '/');
                source.put(name, "our classes");
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(Files.getLastModifiedTime(file).toMillis());
                try (InputStream in = Files.newInputStream(file)) {
                    put(zip, entry, in);
                }
            }
            for (Map.Entry<String, Path> library : libraries.entrySet()) {
                String artifactId = library.getKey().substring(library.getKey().indexOf(':') + 1);
                try (ZipFile jar = new ZipFile(library.getValue().toFile())) {
                    for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                        String name = rootName(e, artifactId);
                        if (name == null) {
                            continue;
                        }
                        if (name.startsWith(SERVICES)) {
                            services.computeIfAbsent(name, k -> new StringBuilder())
                                    .append(new String(jar.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                                    .append('\n');
                            continue;
                        }
                        String before = source.putIfAbsent(name, library.getKey());
                        if (before != null) {
                            twice.add(name + " is in " + before + " and " + library.getKey());
                            continue;
                        }
                        ZipEntry copy = new ZipEntry(name);
                        copy.setTime(e.getTime());
                        try (InputStream in = jar.getInputStream(e)) {
                            put(zip, copy, in);
                        }
                    }
                }
            }
            for (Map.Entry<String, StringBuilder> service : services.entrySet()) {
                put(zip, new ZipEntry(service.getKey()),
                        new java.io.ByteArrayInputStream(service.getValue().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        if (!twice.isEmpty()) {
            throw new Refused(twice.size() + " entries would be at the jar's root twice (two libraries of one thing?), e.g.:\n    "
                    + String.join("\n    ", twice.subList(0, Math.min(10, twice.size()))));
        }
    }

    /** Where a library's entry goes at the root, or null when it stays out. */
    private static String rootName(ZipEntry e, String artifactId) {
        String name = e.getName();
        if (e.isDirectory() || name.endsWith("module-info.class")) {
            return null;
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        boolean topLevel = file.equals(name) || name.equals("META-INF/" + file);
        if (topLevel && isLegal(file)) {
            return LICENCES + artifactId + "/" + file; // every library has its own LICENSE, NOTICE, about.html
        }
        if (!name.startsWith("META-INF/") || name.startsWith(SERVICES)) {
            return name;
        }
        return null; // manifests, signatures, Maven's pom copies, versioned classes
    }

    private static boolean isLegal(String file) {
        String upper = file.toUpperCase(java.util.Locale.ROOT);
        return upper.contains("LICENSE") || upper.contains("NOTICE") || upper.contains("COPYRIGHT")
                || upper.equals("ABOUT.HTML");
    }

    private static void put(ZipOutputStream zip, ZipEntry entry, InputStream in) throws IOException {
        zip.putNextEntry(entry);
        in.transferTo(zip);
        zip.closeEntry();
    }

    /** Runs jdeps in this JVM; returns what it printed, or refuses the build when it failed. */
    private static String jdeps(String... args) {
        List<String> all = new ArrayList<>(List.of("--multi-release", Integer.toString(Runtime.version().feature())));
        all.addAll(List.of(args));
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow(() -> new Refused("no jdeps: build with a JDK"))
                .run(new PrintWriter(text), new PrintWriter(errors), all.toArray(String[]::new));
        if (exit != 0) {
            throw new Refused("jdeps failed (" + exit + "): " + errors + text);
        }
        return text.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
