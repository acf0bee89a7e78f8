package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** "Why this gradient?": the chain rule's terms add up to the gradient, with the lesson's numbers. */
class GradientExplanationTest {
    @Test
    void workedExampleQ() {
        Sheet s = Sheets.of(Sheets.WORKED);
        GradientExplanation e = s.explain("q");
        assertEquals("dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16", e.equation());
        assertEquals(1, e.terms().size());
        assertEquals("× multiplies it by the other input", e.terms().get(0).rule());
        assertEquals("+ passes the gradient through unchanged", s.explain("x").terms().get(0).rule());
        assertEquals("dL/dL = 1", s.explain("L").equation());
    }

    /** x used twice (x * x), through a sigmoid, a fused bce and a mse: every kind of term. */
    private static final String MIXED = """
            x = weight(0.7)
            a = x * x
            b = sigmoid(x) + a
            z = b - 0.3 * x
            p = sigmoid(z)
            t = input(1)
            L = bce(p, t) + mse(p, 0.2)
            """;

    @Test
    void termsSumToTheGradientEverywhere() {
        Sheet s = Sheets.of(MIXED);
        for (Cell c : s.cells()) {
            GradientExplanation e = s.explain(c.name());
            if (c.name().equals("L") || e.terms().isEmpty()) {
                continue;
            }
            double sum = e.terms().stream().mapToDouble(GradientExplanation.Term::product).sum();
            assertEquals(c.grad(), sum, 1e-12, c.name() + ": " + e.equation());
        }
        assertTrue(s.explain("z").note().contains("logits form"));
        assertEquals(2, s.explain("x").terms().stream().filter(t -> t.user().equals("a")).findFirst()
                .map(t -> t.local() / 0.7).orElseThrow(), 1e-12); // x * x: both uses, 2x
    }

    /** The grid's "Local ∂" column counts terms without building them; the count is the list's size. */
    @Test
    void theTermCountIsTheNumberOfTermsListedForEveryCell() {
        Sheet s = Sheets.of(MIXED);
        for (Cell c : s.cells()) {
            assertEquals(s.explain(c.name()).terms().size(), s.explanationTermCount(c.name()), c.name());
        }
        assertEquals(0, s.explanationTermCount("L"));
        assertEquals(2, s.explanationTermCount("z")); // p, and bce's logits term through the sigmoid
        assertEquals(1, s.explanationTermCount("t"));
        Sheet worked = Sheets.of(Sheets.WORKED);
        for (Cell c : worked.cells()) {
            assertEquals(worked.explain(c.name()).terms().size(), worked.explanationTermCount(c.name()), c.name());
        }
    }
}
