package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.cli.GradSheetCli;
import dev.gradsheet.ui.pages.DashboardPage;
import dev.gradsheet.ui.pages.JoinPage;
import dev.gradsheet.ui.pages.PracticePart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.SignInPage;
import dev.gradsheet.ui.pages.StartPage;
import dev.gradsheet.ui.pages.TeacherHomePage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testidp.TestIdentityProvider;

/**
 * A whole lesson in real Chromium at 1366×768: the teacher signs in through the school's
 * OpenID Connect provider (a real one, {@link TestIdentityProvider}, by the normal login redirect), makes
 * a class and, from the worked example, an assignment asking all six gradients; three students join
 * with the code and answer in their own copies — two right, one with dL/dz wrong — and hand in; the
 * teacher's dashboard shows it live; the grades CSV and {@code gradsheet check} on the handed-in files
 * agree. Screenshots of the dashboard and a student's view (for docs/classroom.md) go to
 * {@code src/site/screenshots/} with {@code -Dreadme.screenshots=true}, as LayoutIT's do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ClassroomLessonIT extends BrowserTestBase {
    static final int APP_PORT = TestIdentityProvider.freePort();
    static final int IDP_PORT = TestIdentityProvider.freePort();
    static final AutoCloseable IDP = TestIdentityProvider.launch(IDP_PORT, "http://localhost:" + APP_PORT);
    static final Map<String, String> RIGHT = Map.of("x", "16", "y", "16", "z", "-12", "q", "16", "f", "-4", "t", "4");
    static final List<String> ASKED = List.of("x", "y", "z", "q", "f", "t");

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> APP_PORT);
        TestIdentityProvider.appSettings(IDP_PORT).forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stopProvider() throws Exception {
        IDP.close();
    }

    private WebDriver laptop() throws IOException {
        WebDriver b = newBrowser();
        b.manage().window().setSize(new Dimension(1366, 768));
        return b;
    }

    @Test
    void aWholeLesson() throws Exception {
        // the teacher signs in through the school's provider
        WebDriver teacher = laptop();
        TeacherHomePage home = SignInPage.open(teacher, url("login"))
                .signIn("school", TestIdentityProvider.issuer(IDP_PORT), TestIdentityProvider.LEE.user(), TestIdentityProvider.PASSWORD);

        // a class, then an assignment from the worked example asking all six gradients
        String code = home.createClass("Backprop, period 3");
        String studentLink = StartPage.workedExample(teacher, url("")).access().makeAssignment()
                .create("Chain rule", String.join(", ", ASKED));
        String assignmentId = studentLink.substring(studentLink.lastIndexOf('/') + 1);
        DashboardPage dashboard = DashboardPage.open(teacher, url("dashboard/" + assignmentId));

        // three students join with the code and open the assignment: each their own copy
        List<SheetPage> students = new ArrayList<>();
        for (String name : List.of("Ada", "Bo", "Cy")) {
            students.add(JoinPage.open(laptop(), url("join")).join(code.toLowerCase(), name).openAssignment(assignmentId));
        }
        assertThat(students.stream().map(SheetPage::link).distinct()).hasSize(3);
        // the dashboard already lists them, live
        dashboard.waitForStudent(3);

        // two answer right, one gets dL/dz wrong; everyone hands in
        for (int i = 0; i < 3; i++) {
            PracticePart practice = students.get(i).practice();
            for (String cell : ASKED) {
                practice.answer(cell, i == 2 && cell.equals("z") ? "12" : RIGHT.get(cell));
                practice.waitForMark(cell, i == 2 && cell.equals("z") ? "✗" : "✓");
            }
        }
        // the dashboard shows every mark without a reload
        for (int row = 1; row <= 3; row++) {
            for (String cell : ASKED) {
                dashboard.waitForMark(row, cell, row == 3 && cell.equals("z") ? "✗" : "✓");
            }
        }
        for (SheetPage s : students) {
            s.access().handIn();
        }
        readme(students.get(2), "classroom-student-1366x768");
        dashboard.waitForTableContaining("6/6");
        readme(dashboard, "classroom-dashboard-1366x768");
        dashboard.hideNames("Student 1");
        readme(dashboard, "classroom-dashboard-hidden-names-1366x768");

        // the teacher's exports, with the teacher's session: the CSV and check agree
        String session = teacher.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String csv = new String(download(session, "api/assignments/" + assignmentId + "/grades.csv"), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("student") + " " + r.get("score") + " " + r.get("handed in"))
                .containsExactly("Ada 6 yes", "Bo 6 yes", "Cy 5 yes");
        List<Path> files = unzip(download(session, "api/assignments/" + assignmentId + "/hand-ins.zip"));
        List<String> args = new ArrayList<>(List.of("check", "--json"));
        files.forEach(f -> args.add(f.toString()));
        StringWriter out = new StringWriter();
        GradSheetCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("passed").asInt()).isEqualTo(2);
        for (JsonNode file : report.get("files")) {
            String name = Path.of(file.get("file").asText()).getFileName().toString();
            CSVRecord row = rows.stream().filter(r -> name.startsWith(r.get("student") + "-")).findFirst().orElseThrow();
            Map<String, String> checked = new HashMap<>();
            file.get("claims").forEach(c -> checked.put(c.get("target").asText(), c.get("holds").asBoolean() ? "right" : "wrong"));
            for (String cell : ASKED) {
                assertThat(checked.get(cell + ".grad")).as(name + " " + cell).isEqualTo(row.get(cell + ".grad"));
            }
        }
    }

    private byte[] download(String cookies, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static List<Path> unzip(byte[] zip) throws IOException {
        Path folder = Files.createTempDirectory("gradsheet-hand-ins");
        List<Path> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path file = folder.resolve(e.getName());
                Files.write(file, in.readAllBytes());
                out.add(file);
            }
        }
        return out;
    }
}
