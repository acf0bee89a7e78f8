package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient as a sum over paths from the objective, with numbers. */
class GradientPathsTest {
    @Test
    void workedExampleXHasOnePath() {
        Sheet s = Examples.WORKED.load().sheet();
        GradientPaths p = GradientPaths.of(s, "x", 5);
        assertEquals(1, p.total(), 0);
        assertEquals(List.of("L", "f", "q", "x"), p.paths().get(0).cells());
        assertEquals("dL/dL · ∂L/∂f · ∂f/∂q · ∂q/∂x = 1 · (-4) · (-4) · 1 = 16", p.paths().get(0).equation());
        assertEquals("dL/dx = 16, summed over 1 path", p.summary());
        assertEquals("dL/dL = 1", GradientPaths.of(s, "L", 5).summary());
    }

    @Test
    void pathsAreSummedLargestFirstAndTheRestCounted() throws Exception {
        // x reaches L through a (x*3) and through b (x*x) and directly: three paths.
        Sheet s = SheetFile.parse("x = input(2)\na = x * 3\nb = x * x\nL = a + b + x\n", "p.sheet").sheet();
        GradientPaths p = GradientPaths.of(s, "x", 2);
        assertEquals(3, p.total(), 0);
        assertEquals(2, p.paths().size());
        assertEquals(4, p.paths().get(0).product(), 0);  // through b: 2x = 4
        assertEquals(3, p.paths().get(1).product(), 0);  // through a
        assertEquals("dL/dx = 8, summed over 3 paths; 1 more not shown", p.summary());
        double sum = GradientPaths.of(s, "x", 10).paths().stream().mapToDouble(GradientPaths.Path::product).sum();
        assertEquals(s.grad("x"), sum, 1e-12);
    }

    @Test
    void manyPathsAreCountedNotListed() throws Exception {
        // 30 stacked diamonds: 2^30 paths from the top to the bottom.
        StringBuilder text = new StringBuilder("d0 = input(1)\n");
        for (int i = 1; i <= 30; i++) {
            text.append("l").append(i).append(" = d").append(i - 1).append(" * 1\n");
            text.append("r").append(i).append(" = d").append(i - 1).append(" * 1\n");
            text.append("d").append(i).append(" = l").append(i).append(" + r").append(i).append('\n');
        }
        Sheet s = SheetFile.parse(text.toString(), "d.sheet").sheet();
        GradientPaths p = GradientPaths.of(s, "d0", 3);
        assertEquals(Math.pow(2, 30), p.total(), 0);
        assertEquals(3, p.paths().size());
    }
}
