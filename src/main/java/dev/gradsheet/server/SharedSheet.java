package dev.gradsheet.server;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.Practice;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.jobs.JobSlot;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One live sheet reachable by its link ({@code /sheet/<id>}), shared by every tab and session that
 * opens the link. The {@link Sheet} serializes concurrent edits itself.
 *
 * @param id          the random id in the link
 * @param sheet       the live sheet
 * @param description the sheet's description (its leading comment), kept when it is saved
 * @param dataHolder  the data table the sheet learns from (may hold null), saved with the sheet
 * @param claimsHolder the sheet's {@code @expect} claims (a student's answers), saved with the sheet
 * @param practiceHolder the teacher's practice setting: a student who opens the sheet starts in it
 * @param training    the sheet's training run, watched by every tab on the link
 * @param objectiveFollows whether the objective was taken by the sheet rather than picked by a
 *                    person, and so follows the newest loss-like cell added (every tab on the link
 *                    builds the same sheet); a loaded sheet's objective counts as picked
 */
public record SharedSheet(String id, Sheet sheet, String description, AtomicReference<DataTable> dataHolder,
                          AtomicReference<Claims> claimsHolder, AtomicReference<Practice> practiceHolder,
                          JobSlot training, AtomicBoolean objectiveFollows) {

    /** A shared sheet of what was loaded, with no run yet and its objective as picked. */
    public SharedSheet(String id, Sheet sheet, String description, AtomicReference<DataTable> dataHolder,
                       AtomicReference<Claims> claimsHolder, AtomicReference<Practice> practiceHolder, JobSlot training) {
        this(id, sheet, description, dataHolder, claimsHolder, practiceHolder, training, new AtomicBoolean());
    }

    /** A shared sheet with a data table holder, no claims, no practice setting and no run yet. */
    public SharedSheet(String id, Sheet sheet, String description, AtomicReference<DataTable> dataHolder) {
        this(id, sheet, description, dataHolder, new AtomicReference<>(Claims.NONE),
                new AtomicReference<>(Practice.OFF), new JobSlot());
    }

    /** A shared sheet without a data table. */
    public SharedSheet(String id, Sheet sheet, String description) {
        this(id, sheet, description, new AtomicReference<>());
    }

    /** The sheet's data table, or null. */
    public DataTable data() {
        return dataHolder.get();
    }

    public Claims claims() {
        return claimsHolder.get();
    }

    public Practice practice() {
        return practiceHolder.get();
    }

    /** The sheet as {@code .sheet} text: what a download gives and what the store saves. */
    public String text() {
        return SheetFile.format(sheet, description, data(), claims(), practice());
    }
}
