package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.sheet.Expectation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * "Make an assignment" from the sheet on screen: the class, a title, which numbers are asked (the
 * gradients, or values and gradients, of the cells named or of every computed cell), the tolerance
 * and an optional due time; then the assignment's link for the students and its dashboard.
 */
class AssignmentDialog extends Dialog {
    final Select<ClassRoom> classChoice = new Select<>();
    final TextField title = new TextField();
    final Checkbox values = new Checkbox();
    final TextField cells = new TextField();
    final NumberField tolerance = new NumberField();
    final TextField due = new TextField();
    final Button create = new Button();
    final Paragraph done = new Paragraph();

    AssignmentDialog(SharedSheet sheet, SheetActions actions, Actor teacher) {
        NewAssignment form = new NewAssignment(actions, teacher, sheet);
        setId("assign-dialog");
        setHeaderTitle(getTranslation("assign.header"));
        setUpClassChoice(form);
        setUpFields();
        create.setId("assign-create");
        create.setText(getTranslation("assign.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> make(form));
        done.setId("assign-done");
        VerticalLayout body = new VerticalLayout(classChoice, title, values, cells, tolerance, due, done);
        body.setPadding(false);
        add(body);
        Button close = new Button(getTranslation("assign.close"), e -> close());
        close.setId("assign-close");
        getFooter().add(close, create);
    }

    /** The teacher's classes, the first one chosen. */
    private void setUpClassChoice(NewAssignment form) {
        classChoice.setId("assign-class");
        classChoice.setLabel(getTranslation("assign.class"));
        classChoice.setItems(form.classes());
        classChoice.setItemLabelGenerator(c -> c.name() + " (" + c.code() + ")");
        if (!form.classes().isEmpty()) {
            classChoice.setValue(form.classes().get(0));
        }
    }

    /** Title, what is asked (values too, which cells), the tolerance and the due time. */
    private void setUpFields() {
        title.setId("assign-title");
        title.setLabel(getTranslation("assign.title"));
        title.setWidthFull();
        values.setId("assign-values");
        values.setLabel(getTranslation("assign.values"));
        cells.setId("assign-cells");
        cells.setLabel(getTranslation("assign.cells"));
        cells.setPlaceholder(getTranslation("assign.cellsAll"));
        cells.setWidthFull();
        tolerance.setId("assign-tolerance");
        tolerance.setLabel(getTranslation("assign.tolerance"));
        tolerance.setValue(Expectation.DEFAULT_TOLERANCE);
        due.setId("assign-due");
        due.setLabel(getTranslation("assign.due"));
        due.setPlaceholder(getTranslation("assign.duePlaceholder"));
    }

    /** Makes the assignment, or shows each refused field's reason next to it and makes nothing. */
    private void make(NewAssignment form) {
        for (var f : new com.vaadin.flow.component.HasValidation[] {classChoice, title, cells, tolerance, due}) {
            f.setInvalid(false);
        }
        NewAssignment.Outcome o = form.make(classChoice.getValue(), title.getValue(), values.getValue(),
                cells.getValue(), tolerance.getValue(), due.getValue(), ZoneId.systemDefault(), Instant.now());
        if (!o.ok()) {
            for (Map.Entry<NewAssignment.Field, String[]> p : o.problems().entrySet()) {
                var field = switch (p.getKey()) {
                    case CLASS -> classChoice;
                    case TITLE -> title;
                    case CELLS -> cells;
                    case TOLERANCE -> tolerance;
                    case DUE -> due;
                };
                field.setErrorMessage(getTranslation(p.getValue()[0], (Object[]) java.util.Arrays.copyOfRange(p.getValue(), 1, p.getValue().length)));
                field.setInvalid(true);
            }
            return;
        }
        showLinks(o.made().id());
        create.setEnabled(false);
    }

    /** The assignment's link for the students and its dashboard's for the teacher. */
    private void showLinks(String assignmentId) {
        done.removeAll();
        done.add(getTranslation("assign.made"));
        Anchor students = new Anchor(Pages.assignment(assignmentId), getTranslation("assign.studentLink"));
        students.setId("assign-link");
        Anchor dashboard = new Anchor(Pages.dashboard(assignmentId), getTranslation("assign.dashboard"));
        dashboard.setId("assign-dashboard");
        dashboard.getElement().getStyle().set("margin-left", "var(--lumo-space-m)");
        done.add(students, dashboard);
    }
}
