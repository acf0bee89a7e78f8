package dev.gradsheet.server;

import java.time.Instant;

/**
 * One saved state of a sheet (an autosave), as the History panel lists it.
 *
 * @param number         1, 2, 3 … per sheet, in the order they were saved
 * @param savedAt        when it was saved
 * @param edit           the edit that made it ("SGD step (lr 0.01)", "upload", …)
 * @param objective      the objective's name then, or null
 * @param objectiveValue the objective's value then (NaN: none or not a number)
 */
public record Revision(long number, Instant savedAt, String edit, String objective, double objectiveValue) {
}
