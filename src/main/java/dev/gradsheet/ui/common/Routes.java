package dev.gradsheet.ui.common;

/**
 * The page addresses views link to, in one place: a view in one package can send the browser to a
 * view in another without depending on its class.
 */
public final class Routes {
    /** The shared sheet's route: {@code /sheet/<id>}. */
    public static final String SHEET = "sheet";

    private Routes() {
    }

    /** The address of sheet {@code id}, relative to the app's root. */
    public static String sheet(String id) {
        return SHEET + "/" + id;
    }
}
