package dev.gradsheet.engine;

/**
 * How a sheet's change sets read their cells' names: from the sheet's name table under its read
 * lock, only when a view asks (see {@link ChangeSet#indexOf}), so announcing a change makes no strings.
 */
final class LockedNames implements ChangeSet.Names {
    private final Sheet sheet;

    LockedNames(Sheet sheet) {
        this.sheet = sheet;
    }

    @Override
    public int idOf(String name) {
        return sheet.read(() -> {
            int id = sheet.graph.names.idOf(name);
            return id >= 0 && sheet.graph.isLive(id) ? id : -1;
        });
    }

    @Override
    public String nameOf(int id) {
        return sheet.read(() -> sheet.graph.names.nameOf(id));
    }
}
