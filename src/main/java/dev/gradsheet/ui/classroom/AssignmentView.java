package dev.gradsheet.ui.classroom;

import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.ui.common.Routes;
import java.util.Optional;

/**
 * {@code /assignment/<id>}, the link a teacher gives out: a student of the class gets their own copy
 * (the same one on every return) in practice mode; the class's teacher goes to the dashboard; anyone
 * else is told to join the class first.
 */
@Route(Pages.ASSIGNMENT)
public class AssignmentView extends ClassroomPage implements HasUrlParameter<String> {
    public AssignmentView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        begin("assignment.title");
        Optional<Assignment> a = actions.classroom().store().assignment(id);
        Optional<ClassRoom> c = a.flatMap(x -> actions.classroom().store().classById(x.classId()));
        if (a.isEmpty() || c.isEmpty()) {
            refuse("assignment.missing", null, null);
            return;
        }
        if (actions.access().check(actor, c.get()).isEmpty()) {
            event.forwardTo(Pages.dashboard(id));
            return;
        }
        if (!actor.signedIn() || !actions.classroom().store().isMember(c.get().id(), actor.userId())) {
            refuse("assignment.joinFirst", Pages.JOIN, "login.join");
            return;
        }
        SharedSheet copy = actions.classroom().openCopy(a.get(), actions.users().find(actor.userId()).orElseThrow());
        event.forwardTo(Routes.sheet(copy.id()));
    }
}
