package example;

import static dev.gradsheet.junit.SheetAssertions.assertGradient;
import static dev.gradsheet.junit.SheetAssertions.assertValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradsheet.api.GradSheet;
import dev.gradsheet.api.Node;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student's tests of the worked example (lesson item 9), written against the library alone. */
class WorkedExampleTest {
    GradSheet s = new GradSheet();
    Node x = s.input("x", -2), y = s.input("y", 5), t = s.input("t", -10);
    Node z = s.weight("z", -4);
    Node f = x.plus(y).named("q").times(z).named("f");
    Node loss = f.mse(t).named("L");

    @Test
    void handComputedGradients() {
        s.minimize(loss);
        assertValue(s, "f", -12);
        assertValue(s, "L", 4);
        assertGradient(s, "f", -4);   // dL/df = 2(f − t)
        assertGradient(s, "z", -12);  // dL/dz = dL/df · q
        assertGradient(s, "q", 16);   // dL/dq = dL/df · z
        assertGradient(s, "x", 16);   // + passes it through
        assertGradient(y, 16);
    }

    @Test
    void zsGradientStreamFollowsEveryEdit() {
        List<Double> dz = new ArrayList<>();
        z.grads().subscribe(dz::add);
        z.set(-3);
        z.set(-3);        // the same value: nothing changed, nothing emitted
        s.step();         // from z = -3: dL/dz = 6, so z = -3.06
        s.undo();
        assertEquals(List.of(-12.0, 6.0), dz.subList(0, 2));
        assertEquals(4, dz.size(), dz.toString());
        assertEquals(6.0, dz.get(3));
        assertEquals(-3.0, z.value());
    }

    @Test
    void oneSgdStepGetsCloserToTheTarget() {
        s.step();
        assertValue(z, -3.88);
        assertValue(f, -11.64);
        assertValue(loss, 2.6896);
    }

    @Test
    void theSheetIsSavedForTheWebApp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("worked.sheet");
        s.save(file);
        // the file names its objective and holds every cell as written
        assertTrue(Files.readAllLines(file).contains("@objective = L"));
        assertTrue(Files.readAllLines(file).contains("x = input(-2)"));
        GradSheet again = GradSheet.open(file);
        assertGradient(again, "z", -12);
    }

    @Test
    void theReadmeProgramPrintsTheGradientAsZChanges() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            WorkedExample.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        assertEquals(List.of(
                "z = -4.0  L = 4.0  dL/dz = -12.0",
                "dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12",
                "z = -3.0  L = 1.0  dL/dz = 6.0",
                "z = -4.0  L = 4.0  dL/dz = -12.0",
                "z = -3.88  L = 2.6896  dL/dz = -9.84",
                "after one step: f = -11.64, L = 2.6896"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void onlyTheLibraryIsOnTheClasspathNotTheWebApp() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.springframework.boot.SpringApplication"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.vaadin.flow.component.UI"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.gradsheet.ui.SheetView"));
    }
}
