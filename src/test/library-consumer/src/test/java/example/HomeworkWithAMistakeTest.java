package example;

import static dev.gradsheet.junit.SheetAssertions.assertGradient;

import dev.gradsheet.api.GradSheet;
import dev.gradsheet.api.Node;
import org.junit.jupiter.api.Test;

/**
 * A student's wrong hand-computed gradient: this test FAILS on purpose, so that LibraryConsumerIT
 * can check the failure message JUnit prints teaches the chain rule.
 */
class HomeworkWithAMistakeTest {
    @Test
    void dLdzWithTheWrongSign() {
        GradSheet s = new GradSheet();
        Node x = s.input("x", -2), y = s.input("y", 5), t = s.input("t", -10);
        Node z = s.weight("z", -4);
        Node f = x.plus(y).named("q").times(z).named("f");
        s.minimize(f.mse(t).named("L"));
        assertGradient(s, "z", 12); // wrong: dL/dz = dL/df · q = (-4)·3 = -12
    }
}
