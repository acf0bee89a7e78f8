package dev.gradsheet.ui;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Op;
import java.util.Set;

/**
 * Building a sheet by hand, before anyone has picked its objective: the objective follows the newest
 * loss-like cell. A loss ({@code mse}, {@code bce}) always takes it over; any other formula takes it
 * from a cell that is not a loss, or from a loss it builds on (a mean of losses, a loss plus a
 * penalty); a formula added beside a loss (a second branch) leaves the loss as the objective. Inputs,
 * weights and constants never take it. Picking an objective ends the following.
 */
final class ObjectiveFollower {
    /** The kinds of cell that are losses. */
    static final Set<String> LOSSES = Set.of(Op.MSE.label(), Op.BCE.label());

    private ObjectiveFollower() {
    }

    /**
     * Whether {@code added} takes the objective over from {@code objective}; {@code usesObjective}
     * says whether {@code added}'s formula uses the objective.
     */
    static boolean takesOver(Cell added, Cell objective, boolean usesObjective) {
        if (added.isEditableValue() || added.kind().equals(Op.CONST.label()) || added.name().equals(objective.name())) {
            return false;
        }
        return LOSSES.contains(added.kind()) || !LOSSES.contains(objective.kind()) || usesObjective;
    }
}
