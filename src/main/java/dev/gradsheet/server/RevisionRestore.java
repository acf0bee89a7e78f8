package dev.gradsheet.server;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a live sheet back to a saved revision through the sheet's own edits, made as one
 * ({@link Sheet#asOneEdit}): one Undo takes the whole restore back, and every tab on the link sees it.
 */
public final class RevisionRestore {
    private RevisionRestore() {
    }

    /**
     * Restores {@code target} into {@code shared} as one edit called {@code label} (one Undo takes it
     * all back; if the sheet refuses any part, nothing changes); returns how many cell-level edits it
     * made (0: nothing differed).
     */
    public static int restore(SharedSheet shared, SheetFile.Loaded target, EditLabel label) {
        int[] edits = {0};
        shared.sheet().asOneEdit(label, () -> edits[0] = restoreCellsAndSettings(shared.sheet(), target));
        shared.dataHolder().set(target.data());
        shared.claimsHolder().set(target.claims());
        shared.practiceHolder().set(target.practice());
        return edits[0];
    }

    private static int restoreCellsAndSettings(Sheet sheet, SheetFile.Loaded target) {
        Map<String, Cell> now = userCells(sheet);
        Map<String, Cell> then = userCells(target.sheet());
        int edits;
        if (now.keySet().equals(then.keySet()) && onlyValuesDiffer(now, then)) {
            Map<String, Double> values = new LinkedHashMap<>();
            then.forEach((name, cell) -> {
                if (cell.isEditableValue() && Double.compare(now.get(name).value(), cell.value()) != 0) {
                    values.put(name, cell.value());
                }
            });
            if (!values.isEmpty()) {
                sheet.setValues(values);
            }
            edits = values.isEmpty() ? 0 : 1;
        } else {
            edits = restoreCells(sheet, now, then);
        }
        String objective = target.sheet().objective();
        if (objective != null && !objective.equals(sheet.objective()) && sheet.cell(objective).isPresent()) {
            sheet.setObjective(objective);
            edits++;
        }
        if (target.sheet().learningRate() != sheet.learningRate()) {
            sheet.setLearningRate(target.sheet().learningRate());
            edits++;
        }
        return edits;
    }

    private static boolean onlyValuesDiffer(Map<String, Cell> now, Map<String, Cell> then) {
        for (Map.Entry<String, Cell> e : then.entrySet()) {
            Cell a = now.get(e.getKey());
            Cell b = e.getValue();
            boolean sameKind = a.kind().equals(b.kind());
            if (!sameKind || !(a.formula().equals(b.formula()) || a.isEditableValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * New cells first as plain inputs (so formulas may use them whatever their order), then every
     * differing formula, then the cells the revision did not have. Edits refused in one pass (a
     * formula using a cell not yet right) are tried again while a pass makes progress.
     */
    private static int restoreCells(Sheet sheet, Map<String, Cell> now, Map<String, Cell> then) {
        int edits = 0;
        for (String name : then.keySet()) {
            if (!now.containsKey(name)) {
                sheet.addCell(name, "input(0)");
                edits++;
            }
        }
        List<Runnable> pending = new ArrayList<>();
        for (Cell cell : then.values()) {
            Cell current = now.get(cell.name());
            if (current == null || !current.formula().equals(cell.formula())) {
                pending.add(() -> sheet.setFormula(cell.name(), cell.formula()));
            }
        }
        for (String name : now.keySet()) {
            if (!then.containsKey(name)) {
                pending.add(() -> sheet.delete(name));
            }
        }
        while (!pending.isEmpty()) {
            List<Runnable> refused = new ArrayList<>();
            RuntimeException last = null;
            for (Runnable edit : pending) {
                try {
                    edit.run();
                    edits++;
                } catch (RuntimeException e) {
                    refused.add(edit);
                    last = e;
                }
            }
            if (refused.size() == pending.size()) {
                throw last;
            }
            pending = refused;
        }
        return edits;
    }

    private static Map<String, Cell> userCells(Sheet sheet) {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (Cell c : sheet.cells()) {
            if (!c.generated()) {
                out.put(c.name(), c);
            }
        }
        return out;
    }
}
