package dev.gradsheet.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Cell;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Plain cell lines ({@code name = formula}, no comment) are read in place, without substrings or a
 * syntax tree, when their formula is one operation; everything else goes the general way. A line
 * with a trailing comment always goes the general way, so the same text with {@code " #"} after
 * every line is the reference: both must give the same cells (names, kinds, formulas, values and
 * gradients to the bit, in the same order) or the same problems, at the same lines and columns.
 */
class PlainLineLoadingTest {
    /** The result of loading: the cells as text, or the problem lines. */
    private static List<String> load(String text) {
        try {
            return SheetFile.parse(text, "t.sheet").sheet().cells().stream().map(Cell::toString)
                    .collect(Collectors.toList());
        } catch (SheetFormatException e) {
            return e.lines();
        }
    }

    /** The same text with a comment after every line: every line takes the general path. */
    private static String generalPath(String text) {
        return text.lines().map(line -> line + " #").collect(Collectors.joining("\n", "", "\n"));
    }

    private static void assertSameLoad(String text) {
        List<String> fast = load(text);
        assertEquals(load(generalPath(text)), fast, text.length() < 2000 ? text : "a generated sheet");
    }

    @Test
    void generatedSheetsLoadTheSameEitherWay() {
        assertSameLoad(Generators.text(w -> Generators.mlp(12, 3, w)));
        assertSameLoad(Generators.text(w -> Generators.randomDag(5000, 30, 4, w)));
        assertSameLoad(Generators.text(w -> Generators.diamonds(300, w)));
        assertSameLoad(Generators.text(w -> Generators.chain(2000, w)));
        assertSameLoad(Examples.WORKED.text());
    }

    @Test
    void everyFlatShapeAndItsNeighboursLoadTheSame() {
        String good = """
                a = input(-2)
                  b = weight( - 0.5 )\t
                c = -3
                d=.5e-3
                e = a*b
                f = a -b
                g = tanh (a)
                h = leaky_relu(a, c)
                i = step(a)
                j = mse( e , f )
                k = a
                l = sum(a, b, c)
                m = max(a,b)
                n = - a
                o = input(+2)
                p = 2 * a + b
                q = pow(a, 2)
                r = -0
                s = input(1E+2)
                t = tanh(tanh(a))
                u = r + k
                L = mse(t, u)
                """;
        List<String> cells = load(good);
        assertTrue(cells.size() > 20, cells.toString());
        assertSameLoad(good);
        String bad = """
                a = input(1e400)
                b = weight(a)
                c = unknown(a)
                d = tanh(a, b)
                e = a + + b
                f = 2x
                g = a b
                h = r999
                w = w + a
                1x = a
                a = b
                y =
                z = input(-)
                k = sum()
                m = 0x10
                n = 1e
                p = input(2) + 1
                q = mse(a, b
                r = a * tanh(b)
                """;
        assertTrue(load(bad).size() > 15, load(bad).toString());
        assertSameLoad(bad);
    }

    @Test
    void randomFormulasLoadTheSame() {
        String[] pieces = {"a", "b", "x1", "tanh", "input", "weight", "mse", "sum", "step", "(", ")", ",", " ",
            "-", "+", "*", "/", "2", ".", "e", "5", "\t", "c"};
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder("a = input(1)\nb = weight(-2)\n");
            for (int line = 0; line < 20; line++) {
                text.append("c").append(line).append(" = ");
                int n = 1 + random.nextInt(7);
                for (int k = 0; k < n; k++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                text.append('\n');
            }
            assertSameLoad(text.toString());
        }
    }
}
