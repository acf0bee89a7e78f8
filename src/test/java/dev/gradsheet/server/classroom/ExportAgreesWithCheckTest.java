package dev.gradsheet.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.cli.GradSheetCli;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.people.User;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.Practice;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grades the teacher exports and the hand-ins they download agree with {@code gradsheet check}:
 * every asked number the CSV marks right, check finds holding in that student's {@code .sheet} file;
 * every wrong one failing; every empty one unclaimed — and the dashboard says the same. One student
 * answers all six gradients of the worked example right, one gets dL/dz wrong, and one changed their
 * sheet (z = -3) after answering, so their five answers no longer hold.
 */
class ExportAgreesWithCheckTest {
    @TempDir
    Path dir;

    static final Map<String, Double> RIGHT = Map.of("x.grad", 16.0, "y.grad", 16.0, "z.grad", -12.0, "q.grad", 16.0,
            "f.grad", -4.0, "t.grad", 4.0);

    @Test
    void theCsvTheDashboardAndCheckGradeEveryHandInAlike() throws Exception {
        try (ClassroomFixture f = new ClassroomFixture(SheetStore.embeddedDataSource(dir.resolve("db")), Clock.systemUTC())) {
            User teacher = f.users.setLocalTeacherPassword("Ms Lee", "correct horse");
            ClassRoom c = f.classroom.newClass(teacher, "Backprop");
            SharedSheet worked = f.registry.create(Examples.WORKED.load(), SheetOwner.of(teacher.actor().key()));
            Assignment a = f.classroom.newAssignment(c, worked, "Chain rule", Practice.parse("gradients of x, y, z, q, f, t"),
                    1e-3, null);
            assertThat(Grading.askedTargets(a)).containsExactly("x.grad", "y.grad", "z.grad", "q.grad", "f.grad", "t.grad");

            answer(f, a, f.classroom.joinAsNewStudent(c, "Ada").user(), RIGHT, false);
            Map<String, Double> wrongZ = new HashMap<>(RIGHT);
            wrongZ.put("z.grad", 12.0);
            answer(f, a, f.classroom.joinAsNewStudent(c, "Bo").user(), wrongZ, false);
            Map<String, Double> someUnanswered = new HashMap<>(RIGHT);
            someUnanswered.remove("t.grad");
            answer(f, a, f.classroom.joinAsNewStudent(c, "Cy").user(), someUnanswered, true);
            f.classroom.joinAsNewStudent(c, "Dee"); // never opened it: in the CSV, not among the hand-ins

            String csv = f.classroom.gradesCsv(a);
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
            assertThat(rows).extracting(r -> r.get("student")).containsExactly("Ada", "Bo", "Cy", "Dee");
            assertThat(rows).extracting(r -> r.get("score")).containsExactly("6", "5", "0", "0"); // Cy moved z after answering: all five answers wrong now

            List<Path> files = unzip(f.classroom.handInsZip(a));
            assertThat(files).hasSize(3);
            StringWriter out = new StringWriter();
            int exit = GradSheetCli.run(new String[] {"check", "--json", files.get(0).toString(), files.get(1).toString(),
                    files.get(2).toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(exit).isEqualTo(GradSheetCli.CHECK_FAILED); // Bo and Cy have failing claims
            JsonNode report = new ObjectMapper().readTree(out.toString());
            Dashboard dashboard = f.classroom.dashboard(a);
            for (JsonNode file : report.get("files")) {
                String name = Path.of(file.get("file").asText()).getFileName().toString();
                CSVRecord row = rows.stream().filter(r -> name.startsWith(r.get("student") + "-")).findFirst().orElseThrow();
                Dashboard.Row board = dashboard.rows().stream().filter(r -> r.student().name().equals(row.get("student")))
                        .findFirst().orElseThrow();
                Map<String, Boolean> holds = new HashMap<>();
                file.get("claims").forEach(claim -> holds.put(claim.get("target").asText(), claim.get("holds").asBoolean()));
                int held = 0;
                for (String target : Grading.askedTargets(a)) {
                    String mark = row.get(target);
                    String checked = !holds.containsKey(target) ? "" : holds.get(target) ? "right" : "wrong";
                    assertThat(checked).as("%s %s: check against the CSV", row.get("student"), target).isEqualTo(mark);
                    assertThat(board.marks().get(target).name().toLowerCase()).as("dashboard")
                            .isEqualTo(mark.isEmpty() ? "empty" : mark);
                    held += "right".equals(checked) ? 1 : 0;
                }
                assertThat(String.valueOf(held)).isEqualTo(row.get("score"));
                assertThat(file.get("tolerance").asDouble()).isEqualTo(1e-3);
            }
        }
    }

    /** Answers as the practice page does (claims on the copy, saved), maybe edits the sheet after, and hands in. */
    private static void answer(ClassroomFixture f, Assignment a, User student, Map<String, Double> answers, boolean thenEdits) {
        SharedSheet copy = f.classroom.openCopy(a, student);
        Claims claims = copy.claims();
        for (Map.Entry<String, Double> e : answers.entrySet()) {
            claims = claims.with(Expectation.of(e.getKey(), e.getValue(), 0, 0));
            f.classroom.counted(copy.id(), e.getKey(), false);
        }
        copy.claimsHolder().set(claims);
        f.registry.changed(copy, dev.gradsheet.engine.EditLabel.of(dev.gradsheet.engine.EditLabel.Kind.ANSWERS_OR_PRACTICE), student.actor());
        if (thenEdits) { // z = -3: dL/dz, dL/dq, dL/dx, dL/dy, dL/df, dL/dt all move (f = -9, dL/df = 2)
            copy.sheet().actingAs(new SheetActions.Editor(student.actor()), () -> copy.sheet().setValue("z", -3));
        }
        f.registry.flush();
        f.actions.handIn(student.actor(), copy);
    }

    private List<Path> unzip(byte[] zip) throws Exception {
        List<Path> out = new ArrayList<>();
        Path folder = Files.createDirectories(dir.resolve("hand-ins"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path file = folder.resolve(e.getName());
                Files.write(file, in.readAllBytes());
                out.add(file);
            }
        }
        out.sort(null);
        return out;
    }
}
