package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;

import dev.gradsheet.server.ServerLimits;

import dev.gradsheet.sheet.Generators;
import dev.gradsheet.ui.pages.SheetPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher's server with {@code gradsheet.limits.upload} raised opens a big {@code .sheet}
 * file through the page's Open button in a real browser, past every limit on the way (the page's,
 * the servlet container's). The 50 MB MLP's timings are a probe of their own ({@link BigUploadProbe}).
 */
@TestPropertySource(properties = "gradsheet.limits.upload=64MB")
class BigUploadIT extends BrowserTestBase {

    @Test
    void aTeachersServerOpensAFileOverTheDefaultLimit() throws Exception {
        String text = Generators.text(w -> Generators.mlp(100, 3, w)); // 60k cells, about twice the default limit
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ServerLimits.DEFAULT_UPLOAD_BYTES);
        SheetPage sheet = workedExample(1366, 768);
        sheet.upload(write(text, "mlp100.sheet"));
        sheet.grid().waitFor("x_0", FORMULA, text.lines().filter(l -> l.startsWith("x_0 = ")).findFirst().orElseThrow()
                .substring("x_0 = ".length()), 120);
        assertThat(sheet.uploadErrorsIfAny()).isEmpty();
        assertThat(sheet.link()).contains("/sheet/");
    }

    /** Writes {@code text} to a new temporary folder as {@code name}. */
    static Path write(String text, String name) throws Exception {
        Path file = Files.createTempDirectory("gradsheet-big-upload").resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
