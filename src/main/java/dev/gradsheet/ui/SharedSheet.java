package dev.gradsheet.ui;

import dev.gradsheet.engine.Sheet;

/**
 * One live sheet reachable by its link ({@code /sheet/<id>}), shared by every tab and session that
 * opens the link. The {@link Sheet} serializes concurrent edits itself.
 *
 * @param id          the random id in the link
 * @param sheet       the live sheet
 * @param description the sheet's description (its leading comment), kept when it is saved
 */
public record SharedSheet(String id, Sheet sheet, String description) {
}
