package dev.gradsheet.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The page shell: server push (so edits by other tabs appear live) and the global style sheet with
 * the grid's gradient colour scale.
 */
@Push
@CssImport("./gradsheet.css")
public class AppShell implements AppShellConfigurator {
}
