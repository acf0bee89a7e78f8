package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.WebDriver;

/** The training panel's decision picture: the model's output over two inputs, the table's points on it. */
public final class DecisionPicturePart extends PagePart {
    /** JS: for each point of the picture, [test (1) or not (0), r, g, b] of the canvas at its centre. */
    private static final String POINT_PIXELS_JS = """
            const e = document.getElementById('decision-picture');
            const m = e._map, side = Number(e.dataset.side), dpr = window.devicePixelRatio || 1;
            const ctx = e.querySelector('canvas').getContext('2d');
            return m.points.map(p => {
              const x = 44 + (p[0] - m.x0) / (m.x1 - m.x0) * side;
              const y = 22 + side - (p[1] - m.y0) / (m.y1 - m.y0) * side;
              const d = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
              return [p[3], d[0], d[1], d[2]];
            });
            """;

    DecisionPicturePart(WebDriver driver) {
        super(driver);
    }

    /** The picture's side in pixels. */
    public int side() {
        return Integer.parseInt(byId("decision-picture").getAttribute("data-side"));
    }

    /** The colour legend's words ("output 0 … 1"). */
    public String legend() {
        return byId("decision-picture").getAttribute("data-legend");
    }

    /** Waits until the picture marks {@code count} points as held back for testing. */
    public void waitForTestPoints(int count) {
        waitUpTo(20).withMessage("the picture should mark " + count + " test points")
                .until(d -> String.valueOf(count).equals(byId("decision-picture").getAttribute("data-tests")));
    }

    /** For each point drawn: [1 if held back for testing else 0, red, green, blue] at its centre. */
    @SuppressWarnings("unchecked")
    public List<List<Number>> pointPixels() {
        return (List<List<Number>>) js(POINT_PIXELS_JS);
    }

    /** Scrolls the picture into the middle of the view (for a screenshot). */
    public void scrollIntoView() {
        scrollIntoView(byId("decision-picture"), "center");
    }

    /** Scrolls the picture's top to the view's top (what the browser does by default). */
    public void scrollToTop() {
        js("document.getElementById('decision-picture').scrollIntoView()");
    }
}
