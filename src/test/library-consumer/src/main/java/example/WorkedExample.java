package example;

import dev.gradsheet.api.GradSheet;
import dev.gradsheet.api.Node;

/** The lesson's worked example, node by node: f = (x + y)·z, L = (f − t)². */
public class WorkedExample {
    public static void main(String[] args) {
        GradSheet s = new GradSheet();
        Node x = s.input("x", -2), y = s.input("y", 5), t = s.input("t", -10);
        Node z = s.weight("z", -4);
        Node q = x.plus(y).named("q");
        Node f = q.times(z).named("f");
        Node loss = f.mse(t).named("L");
        s.minimize(loss);

        z.grads().subscribe(g -> System.out.println("z = " + n(z.value()) + "  L = " + n(loss.value()) + "  dL/dz = " + n(g)));
        System.out.println(z.why());          // dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12
        z.set(-3);                            // every value and gradient updates, then dL/dz is printed
        s.undo();                             // back to z = -4
        s.step();                             // one SGD step at lr 0.01: z = -3.88, f = -11.64
        System.out.println("after one step: f = " + n(f.value()) + ", L = " + n(loss.value()));
    }

    static double n(double v) { // six decimals are enough to read
        return Math.round(v * 1e6) / 1e6;
    }
}
