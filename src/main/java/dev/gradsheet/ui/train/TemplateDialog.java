package dev.gradsheet.ui.train;

import dev.gradsheet.ui.common.Routes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import dev.gradsheet.train.Binding;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.DataException;
import dev.gradsheet.train.Templates;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Templates that build a model's cells: the lesson's step neuron, a sigmoid neuron, and an MLP
 * builder (hidden layer sizes, activation, loss, seed). Like the Examples menu, a template opens as
 * a new shared sheet (the current one stays at its link), with the chosen built-in data attached.
 */
public class TemplateDialog extends Dialog {
    /** The templates on offer; their names and notes are in the bundle ({@code train.template.<kind>.*}). */
    public enum Kind {
        STEP, SIGMOID, MLP;

        /** The template's name in the page's language. */
        String title() {
            return switch (this) {
                case STEP -> TrainTexts.t("train.template.step.title");
                case SIGMOID -> TrainTexts.t("train.template.sigmoid.title");
                case MLP -> TrainTexts.t("train.template.mlp.title");
            };
        }

        /** What the template builds, in the page's language. */
        String note() {
            return switch (this) {
                case STEP -> TrainTexts.t("train.template.step.note");
                case SIGMOID -> TrainTexts.t("train.template.sigmoid.note");
                case MLP -> TrainTexts.t("train.template.mlp.note");
            };
        }
    }

    final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>(TrainTexts.t("train.template.kind"));
    final TextField hidden = new TextField(TrainTexts.t("train.template.hidden"));
    final ComboBox<Activation> activation = new ComboBox<>(TrainTexts.t("train.template.activation"));
    final ComboBox<Templates.Loss> loss = new ComboBox<>(TrainTexts.t("train.template.loss"));
    final IntegerField seed = new IntegerField(TrainTexts.t("train.template.seed"));
    /** MSE only: cross-entropy always puts a sigmoid on the output (it needs a probability). */
    final Checkbox sigmoidOutput = new Checkbox(TrainTexts.t("train.template.sigmoidOutput"), true);
    final ComboBox<BuiltInData> data = new ComboBox<>(TrainTexts.t("train.template.data"));
    final Paragraph note = new Paragraph();
    final Span error = new Span();
    final Button open = new Button(TrainTexts.t("train.template.open"));
    private final SheetRegistry registry;
    /** The builder's largest hidden layer ({@link Templates#mlp}). */
    static final int MAX_LAYER_SIZE = 256;
    final com.vaadin.flow.component.select.Select<Templates.Penalty> penalty = new com.vaadin.flow.component.select.Select<>();
    final com.vaadin.flow.component.textfield.NumberField lambda = new com.vaadin.flow.component.textfield.NumberField("lambda"); // a cell name: never translated
    /** Whether the sigmoid output was ticked for MSE, restored when MSE is chosen again. */
    private boolean mseSigmoidChoice = true;

    public TemplateDialog(SheetRegistry registry) {
        this.registry = registry;
        setHeaderTitle(TrainTexts.t("train.template.header"));
        setId("template-dialog");
        setUpNetworkFields();
        setUpLossFields();
        data.setId("template-data");
        data.setItems(BuiltInData.values());
        data.setItemLabelGenerator(DataSection::title);
        data.setClearButtonVisible(true);
        note.setId("template-note");
        note.addClassName("gs-description");
        error.setId("template-error");
        error.addClassName("gs-error");
        open.setId("template-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickListener(e -> openTemplate());
        kind.addValueChangeListener(e -> showFields());
        loss.addValueChangeListener(e -> showOutputChoice());
        kind.setValue(Kind.MLP);

        HorizontalLayout mlpRow = new HorizontalLayout(hidden, activation, seed);
        HorizontalLayout penaltyRow = new HorizontalLayout(penalty, lambda);
        HorizontalLayout lossRow = new HorizontalLayout(loss, sigmoidOutput);
        lossRow.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.BASELINE);
        VerticalLayout body = new VerticalLayout(kind, mlpRow, lossRow, penaltyRow, data, note, error);
        body.setPadding(false);
        add(body);
        getFooter().add(new Button(TrainTexts.t("train.template.cancel"), e -> close()), open);
        setWidth("40em");
    }

    /** The network's shape: which template, the MLP's hidden layers, activation and seed. */
    private void setUpNetworkFields() {
        kind.setId("template-kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(Kind::title);
        hidden.setId("template-hidden");
        hidden.setValue("4");
        hidden.setHelperText(TrainTexts.t("train.template.hidden.helper"));
        activation.setId("template-activation");
        activation.setItems(Activation.SIGMOID, Activation.TANH, Activation.RELU);
        activation.setItemLabelGenerator(Activation::fn);
        activation.setValue(Activation.SIGMOID);
        seed.setId("template-seed");
        seed.setValue(1);
    }

    /** What the network learns by: the loss (with or without a sigmoid output) and a weight penalty. */
    private void setUpLossFields() {
        loss.setId("template-loss");
        loss.setItems(Templates.Loss.values());
        loss.setItemLabelGenerator(l -> TrainTexts.t(l == Templates.Loss.MSE ? "train.template.loss.mse" : "train.template.loss.crossEntropy"));
        loss.setValue(Templates.Loss.CROSS_ENTROPY);
        sigmoidOutput.setId("template-sigmoid-output");
        penalty.setId("template-penalty");
        penalty.setLabel(TrainTexts.t("train.template.penalty"));
        penalty.setItems(Templates.Penalty.values());
        penalty.setItemLabelGenerator(p -> switch (p) {
            case NONE -> TrainTexts.t("train.template.penalty.none");
            case L2 -> TrainTexts.t("train.template.penalty.l2");
            case L1 -> TrainTexts.t("train.template.penalty.l1");
        });
        penalty.setValue(Templates.Penalty.NONE);
        penalty.setWidth("20em"); // the formula and its words
        lambda.setId("template-lambda");
        lambda.setValue(0.001);
        lambda.setMin(0);
        lambda.setWidth("7em");
    }

    private void showFields() {
        Kind k = kind.getValue() == null ? Kind.MLP : kind.getValue();
        hidden.setVisible(k == Kind.MLP);
        activation.setVisible(k == Kind.MLP);
        seed.setVisible(k == Kind.MLP);
        penalty.setVisible(k == Kind.MLP);
        lambda.setVisible(k == Kind.MLP);
        loss.setVisible(k != Kind.STEP);
        sigmoidOutput.setVisible(k == Kind.MLP);
        showOutputChoice();
        data.setValue(k == Kind.MLP ? BuiltInData.XOR : k == Kind.STEP ? BuiltInData.LINE_SEPARATION : BuiltInData.AND);
        note.setText(k.note());
    }

    /**
     * The output choice agrees with the loss: cross-entropy needs a probability, so its sigmoid is
     * ticked and fixed; with MSE the person chooses (the tick they left is restored).
     */
    private void showOutputChoice() {
        boolean crossEntropy = loss.getValue() != Templates.Loss.MSE;
        if (crossEntropy) {
            if (sigmoidOutput.isEnabled()) {
                mseSigmoidChoice = sigmoidOutput.getValue();
            }
            sigmoidOutput.setValue(true);
            sigmoidOutput.setEnabled(false);
            sigmoidOutput.setLabel(TrainTexts.t("train.template.sigmoidOutput.always"));
        } else {
            if (!sigmoidOutput.isEnabled()) {
                sigmoidOutput.setValue(mseSigmoidChoice);
            }
            sigmoidOutput.setEnabled(true);
            sigmoidOutput.setLabel(TrainTexts.t("train.template.sigmoidOutput.choice"));
        }
    }

    /** The template's .sheet text for the current choices; throws IllegalArgumentException on bad input. */
    String templateText() {
        Kind k = kind.getValue() == null ? Kind.MLP : kind.getValue();
        Templates.Loss l = loss.getValue() == null ? Templates.Loss.CROSS_ENTROPY : loss.getValue();
        return switch (k) {
            case STEP -> Templates.stepNeuron();
            case SIGMOID -> Templates.sigmoidNeuron(l, 0.5, -0.5, 0);
            case MLP -> {
                checkLambda();
                yield Templates.mlp(inputCount(), hiddenSizes(), activation.getValue() == null
                        ? Activation.SIGMOID : activation.getValue(), l, sigmoidOutput.getValue(),
                        seed.getValue() == null ? 0 : seed.getValue(),
                        penalty.getValue() == null ? Templates.Penalty.NONE : penalty.getValue(),
                        lambda.getValue() == null ? Double.NaN : lambda.getValue());
            }
        };
    }

    private int inputCount() {
        if (data.getValue() == null) {
            return 2;
        }
        return (int) data.getValue().table().columns().stream().filter(c -> !c.equals("y")).count();
    }

    /**
     * Refuses, in the page's language, a penalty whose lambda is no number of at least 0 (the
     * builder's own check speaks English).
     */
    private void checkLambda() {
        Templates.Penalty p = penalty.getValue() == null ? Templates.Penalty.NONE : penalty.getValue();
        Double value = lambda.getValue();
        if (p != Templates.Penalty.NONE && (value == null || !(value >= 0) || value.isInfinite())) {
            throw new IllegalArgumentException(TrainTexts.t("train.template.lambda.invalid"));
        }
    }

    private List<Integer> hiddenSizes() {
        List<Integer> sizes = new ArrayList<>();
        String text = hidden.getValue() == null ? "" : hidden.getValue().strip();
        if (text.isEmpty()) {
            return sizes;
        }
        for (String part : text.split("[,\\s]+")) {
            int size;
            try {
                size = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TrainTexts.t("train.template.hidden.notWhole", part));
            }
            if (size < 1 || size > MAX_LAYER_SIZE) {
                throw new IllegalArgumentException(TrainTexts.t("train.template.hidden.range", MAX_LAYER_SIZE, part));
            }
            sizes.add(size);
        }
        if (sizes.size() > 8) {
            throw new IllegalArgumentException(TrainTexts.t("train.template.hidden.tooMany", 8));
        }
        return sizes;
    }

    /** Builds the template and opens it as a new shared sheet; returns it, or null (error shown). */
    public SharedSheet openTemplate() {
        error.setText("");
        SheetFile.Loaded loaded;
        DataTable table = data.getValue() == null ? null : data.getValue().table();
        try {
            String name = kind.getValue() == null ? "template" : kind.getValue().name().toLowerCase();
            loaded = SheetFile.parse(templateText(), name + ".sheet");
            if (table != null) {
                Binding.check(loaded.sheet(), table, table.columns(), data.getValue().id()); // the template is made for this data
            }
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return null;
        } catch (SheetFormatException | DataException e) {
            error.setText(e.getMessage());
            return null;
        }
        SharedSheet created = registry.create(new SheetFile.Loaded(loaded.sheet(), loaded.description(), table),
                dev.gradsheet.ui.classroom.Visitor.ownerOfNewSheet()); // the visitor's own sheet
        close();
        Notification.show(TrainTexts.t("train.template.opened"));
        UI.getCurrent().navigate(Routes.sheet(created.id()));
        return created;
    }
}
