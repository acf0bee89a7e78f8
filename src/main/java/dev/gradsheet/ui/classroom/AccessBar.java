package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.access.AccessRefusedException;
import dev.gradsheet.server.access.Action;
import dev.gradsheet.server.access.SheetAccess;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.classroom.HandIn;
import dev.gradsheet.sheet.SheetFormatException;
import dev.gradsheet.ui.common.Routes;
import io.reactivex.rxjava3.disposables.Disposable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The line under the sheet's title saying whose sheet it is and what this visitor may do with it:
 * the owner's link setting ("anyone with the link can view / edit") and Delete; a visitor's
 * "view only" with <b>Make a copy</b>; a student's assignment with <b>Hand in</b>; a teacher watching
 * a student's copy; and sign-in or sign-out. It asks {@link SheetAccess} for the rights, hands them to
 * the page ({@code onRights}) and asks again when the sheet's sharing changes anywhere in the cluster.
 * A sheet stored before sheets had owners shows only the sign-in link, as the page was before.
 */
public class AccessBar extends Composite<Div> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SharedSheet shared;
    private final SheetActions actions;
    private final Actor actor;
    private final Consumer<SheetAccess.Rights> onRights;
    final Span text = new Span();
    final Select<SheetOwner.LinkMode> link = new Select<>();
    final Button copy = new Button();
    final Button delete = new Button();
    final Button handIn = new Button();
    final Span handInStatus = new Span();
    final Button assign = new Button();
    final Span message = new Span();
    private SheetAccess.Rights rights;
    private Disposable watch;
    private boolean updating;

    public AccessBar(SharedSheet shared, SheetActions actions, Actor actor, Consumer<SheetAccess.Rights> onRights) {
        this.shared = shared;
        this.actions = actions;
        this.actor = actor;
        this.onRights = onRights;
        setUpLinkMode();
        setUpButtons();
        Div root = getContent();
        root.setId("access-bar");
        root.addClassName("gs-access-bar");
        root.add(text, link, copy, handIn, handInStatus, assign, delete, message, Account.of(actor));
        // a compact line that wraps at its right, beside the sheet's description (see SheetView)
        // at most about two short lines (as high as a description's three), so it fits beside one even at 800 px
        root.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("justify-content", "flex-end").set("gap", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("margin-left", "auto").set("max-width", "19em").set("font-size", "var(--lumo-font-size-s)");
        refresh();
    }

    /** "Only viewers" / "Anyone with the link can edit": the owner's switch. */
    private void setUpLinkMode() {
        text.setId("access-text");
        link.setId("link-mode");
        link.setItems(SheetOwner.LinkMode.VIEW, SheetOwner.LinkMode.EDIT);
        link.setItemLabelGenerator(m -> getTranslation(m == SheetOwner.LinkMode.EDIT ? "bar.linkEdit" : "bar.linkView"));
        link.setAriaLabel(getTranslation("bar.linkMode"));
        link.setTooltipText(getTranslation("bar.linkMode"));
        link.addThemeVariants(com.vaadin.flow.component.select.SelectVariant.LUMO_SMALL);
        link.setWidth("14em");
        link.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                setLinkMode(e.getValue());
            }
        });
    }

    /** Make a copy, Delete, Hand in and Make an assignment, each shown when the rights allow it. */
    private void setUpButtons() {
        copy.setId("make-copy");
        copy.setText(getTranslation("bar.copy"));
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        copy.addClickListener(e -> makeCopy());
        delete.setId("delete-sheet");
        delete.setText(getTranslation("bar.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        delete.addClickListener(e -> confirmDelete());
        handIn.setId("hand-in");
        handIn.setText(getTranslation("bar.handIn"));
        handIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        handIn.addClickListener(e -> handIn());
        handInStatus.setId("hand-in-status");
        assign.setId("make-assignment");
        assign.setText(getTranslation("bar.assign"));
        assign.addThemeVariants(ButtonVariant.LUMO_SMALL);
        assign.addClickListener(e -> new AssignmentDialog(shared, actions, actor).open());
        message.setId("access-message");
        message.addClassName("gs-error");
    }

    /** The rights this visitor has now. */
    public SheetAccess.Rights rights() {
        return rights;
    }

    /** Asks the rules again and shows what they say. */
    public final void refresh() {
        rights = actions.access().rights(actor, shared);
        SheetOwner owner = actions.registry().owner(shared);
        boolean legacy = owner.owner() == null && !rights.copy();
        boolean owns = owner.ownedBy(actor.key());
        Optional<Classroom.CopyOf> copyOf = rights.copy() ? actions.classroom().copyOf(shared.id()) : Optional.empty();
        text.setText(copyOf.map(this::aboutCopy)
                .orElse(legacy || owns ? "" // the owner's link setting and Delete say whose it is
                        : owner.linkMode() == SheetOwner.LinkMode.EDIT ? getTranslation("bar.linkEditable")
                        : getTranslation("bar.viewOnly")));
        text.setVisible(!text.getText().isEmpty());
        updating = true;
        try {
            link.setValue(owner.linkMode());
        } finally {
            updating = false;
        }
        link.setVisible(rights.can(Action.SHARE));
        copy.setVisible(!legacy && !owns && !rights.copy() && rights.can(Action.VIEW));
        delete.setVisible(rights.can(Action.DELETE));
        handIn.setVisible(rights.can(Action.HAND_IN));
        handInStatus.setVisible(rights.can(Action.HAND_IN));
        copyOf.filter(c -> rights.can(Action.HAND_IN)).ifPresent(c -> showHandIn(
                actions.classroom().store().handIn(c.assignment().id(), actor.userId()).orElse(null)));
        assign.setVisible(actor.teacher() && !rights.copy()
                && !actions.classroom().store().classesOf(actor.userId()).isEmpty());
        onRights.accept(rights);
    }

    private String aboutCopy(Classroom.CopyOf c) {
        if (!rights.can(Action.HAND_IN)) {
            String student = actions.users().find(c.copy().studentId()).map(u -> u.name()).orElse("?");
            return getTranslation("bar.watching", student, c.assignment().title());
        }
        return c.assignment().due() == null ? getTranslation("bar.assignment", c.assignment().title())
                : getTranslation("bar.assignmentDue", c.assignment().title(), time(c.assignment().due()));
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    private void showHandIn(HandIn h) {
        handInStatus.setText(h == null ? getTranslation("bar.notHandedIn")
                : getTranslation(h.late() ? "bar.handedInLate" : "bar.handedIn", time(h.at())));
    }

    private void say(AccessRefusedException e) {
        message.setText(getTranslation(e.refusal().messageKey()));
    }

    private void setLinkMode(SheetOwner.LinkMode mode) {
        message.setText("");
        try {
            actions.setLinkMode(actor, shared, mode);
        } catch (AccessRefusedException e) {
            say(e);
        }
        refresh();
    }

    private void makeCopy() {
        message.setText("");
        try {
            SharedSheet made = actions.copy(actor, shared);
            getUI().ifPresent(ui -> ui.navigate(Routes.sheet(made.id())));
        } catch (AccessRefusedException e) {
            say(e);
        } catch (SheetFormatException e) {
            message.setText(getTranslation("bar.copyFailed", String.join("; ", e.lines())));
        }
    }

    private void confirmDelete() {
        Dialog dialog = new Dialog();
        dialog.setId("delete-confirm");
        dialog.setHeaderTitle(getTranslation("bar.delete"));
        dialog.add(new Span(getTranslation("bar.deleteConfirm")));
        Button cancel = new Button(getTranslation("bar.cancel"), e -> dialog.close());
        cancel.setId("delete-cancel");
        Button yes = new Button(getTranslation("bar.delete"), e -> {
            dialog.close();
            deleteNow();
        });
        yes.setId("delete-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, yes);
        dialog.open();
    }

    void deleteNow() {
        message.setText("");
        try {
            actions.delete(actor, shared);
        } catch (AccessRefusedException e) {
            say(e);
        }
    }

    void handIn() {
        message.setText("");
        try {
            showHandIn(actions.handIn(actor, shared));
        } catch (AccessRefusedException e) {
            say(e);
        }
    }

    /** The sheet was deleted (here or on another server): the page says so and changes nothing more. */
    private void deleted() {
        text.setText(getTranslation("bar.deleted"));
        for (var c : new com.vaadin.flow.component.Component[] {link, copy, delete, handIn, handInStatus, assign}) {
            c.setVisible(false);
        }
        rights = SheetAccess.Rights.NONE;
        onRights.accept(rights);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        watch = Live.follow(actions.events().of("sheet:" + shared.id()), ui, () -> {
            if (actions.registry().store().owner(shared.id()).isEmpty()) {
                deleted();
            } else {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watch != null) {
            watch.dispose();
            watch = null;
        }
        super.onDetach(event);
    }
}
