package example;

import static dev.gradsheet.junit.SheetAssertions.assertClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A teacher's test: every @expect claim of a student's .sheet file, in one call. */
class HomeworkClaimsTest {
    @Test
    void alicesClaimsHold() {
        assertEquals(5, assertClaims(Path.of("src/test/resources/alice.sheet")).size());
    }
}
