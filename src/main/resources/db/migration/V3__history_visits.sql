-- History a visitor cannot erase (docs/running-a-server.md, "History"): thinning keeps the first and
-- last revision of each visit of each author, so every revision records its visit (a random id per
-- browser session; null: made outside a page, or before this change).
ALTER TABLE sheet_revision ADD COLUMN visit VARCHAR(40);

-- Each revision's length in characters: thinning sums a sheet's history against its size budget
-- without reading the texts. Nullable: an older server of a cluster being upgraded writes rows
-- without it (thinning measures those).
ALTER TABLE sheet_revision ADD COLUMN chars BIGINT;
UPDATE sheet_revision SET chars = LENGTH(content);

-- Whether the sheet's history is at its size budget (its last thinning removed revisions early to
-- stay within it): the History tab says so.
ALTER TABLE sheet ADD COLUMN history_full BOOLEAN DEFAULT FALSE NOT NULL;
