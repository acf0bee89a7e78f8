-- Every sheet has an owner ('u:<user id>' or 'b:<anonymous browser id>') and a link mode: VIEW (a link
-- opens it read-only, with Make a copy) or EDIT (anyone with the link can edit). Sheets stored before
-- this change have no owner and keep link-editing, so no link in use breaks; new ones are VIEW unless
-- the owner says otherwise.
ALTER TABLE sheet ADD COLUMN owner VARCHAR(40);
ALTER TABLE sheet ADD COLUMN link_mode VARCHAR(8) DEFAULT 'EDIT' NOT NULL;
ALTER TABLE sheet ALTER COLUMN link_mode SET DEFAULT 'VIEW';

-- Who made each revision (the same kind of key as the owner; null: the server itself or before this change).
ALTER TABLE sheet_revision ADD COLUMN author VARCHAR(40);
