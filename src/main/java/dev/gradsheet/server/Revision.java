package dev.gradsheet.server;

import dev.gradsheet.engine.EditLabel;
import java.time.Instant;

/**
 * One saved state of a sheet (an autosave), as the History panel lists it.
 *
 * @param number         1, 2, 3 … per sheet, in the order they were saved
 * @param savedAt        when it was saved
 * @param edit           the edits it saved ("SGD step (lr 0.01)", "set z = -3, then add h", …)
 * @param objective      the objective's name then, or null
 * @param objectiveValue the objective's value then (NaN: none or not a number)
 */
public record Revision(long number, Instant savedAt, EditLabel edit, String objective, double objectiveValue) {
}
