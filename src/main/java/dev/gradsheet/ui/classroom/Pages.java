package dev.gradsheet.ui.classroom;

/** The classroom's page addresses, relative to the app's root, in one place. */
public final class Pages {
    public static final String LOGIN = "login";
    public static final String LOGOUT = "logout";
    public static final String JOIN = "join";
    public static final String TEACH = "teach";
    public static final String MY = "my";
    public static final String CLASS = "class";
    public static final String ASSIGNMENT = "assignment";
    public static final String DASHBOARD = "dashboard";
    public static final String SETUP = "setup";

    private Pages() {
    }

    public static String classPage(String id) {
        return CLASS + "/" + id;
    }

    public static String assignment(String id) {
        return ASSIGNMENT + "/" + id;
    }

    public static String dashboard(String id) {
        return DASHBOARD + "/" + id;
    }

    public static String join(String code) {
        return JOIN + "/" + code;
    }
}
