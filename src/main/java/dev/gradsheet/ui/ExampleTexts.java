package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import java.util.HashMap;
import java.util.Map;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.train.TemplateDescription;
import java.util.Optional;

/**
 * The example sheets' titles and descriptions in the page's language: keys
 * {@code example.<id>.title} and {@code example.<id>.description} of app.properties; and the
 * templates' descriptions ({@link TemplateDescription}), keys {@code train.template.description.<KIND>}
 * of train.properties. The files keep their English comments, which the command line and downloaded
 * files show.
 */
final class ExampleTexts {
    private ExampleTexts() {
    }

    /** The example's title for menus, e.g. "Worked example: f = (x + y)·z". */
    static String title(Examples.Example example) {
        return Texts.t("example." + example.id() + ".title");
    }

    /**
     * A sheet's description for the page: an example's or a template's own description (the sheet has
     * not been given another) in the page's language, any other description as written.
     */
    static String description(String description) {
        if (description == null) {
            return null;
        }
        Optional<TemplateDescription> template = TemplateDescription.of(description);
        if (template.isPresent()) {
            return Texts.t("train.template.description." + template.get().kind().name(), template.get().arguments());
        }
        if (Texts.english()) {
            return description; // the file's own English, line breaks and all
        }
        String id = Originals.BY_DESCRIPTION.get(description);
        return id == null ? description : Texts.t("example." + id + ".description");
    }

    /** The examples' own descriptions (read once), to recognise an example's description. */
    private static final class Originals {
        static final Map<String, String> BY_DESCRIPTION = new HashMap<>();

        static {
            for (Examples.Example ex : Examples.ALL) {
                String d = ex.load().description();
                if (d != null) {
                    BY_DESCRIPTION.put(d, ex.id());
                }
            }
        }
    }
}
