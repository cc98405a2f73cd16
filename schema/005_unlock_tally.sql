-- The unlock schedule at fleet scale (issue 7: 24 months by site over a million units in 50 ms).
-- Even read from its covering index, the schedule visited every unit unlocking in the range: over
-- a million units, 94 ms. This table keeps the units still held (not exported, not released by
-- an early exit) counted per unlock day, site and legal owner, with their customs value and
-- exempted VAT, so the schedule reads a few thousand rows. Triggers on unit keep it exact on every
-- write, whichever path makes it; the program never writes it itself. It is derived state:
-- `verify` recounts it from the unit table and names a day that differs; 004's unit_schedule
-- index now serves that recount (one pass in index order, no sort).
CREATE TABLE unlock_tally (
    unlock_date        TEXT NOT NULL,
    site_id            INTEGER NOT NULL,
    legal_owner_id     INTEGER NOT NULL,
    units              INTEGER NOT NULL CHECK (units > 0),
    customs_value_tiyn INTEGER NOT NULL,
    vat_exempted_tiyn  INTEGER NOT NULL,
    PRIMARY KEY (unlock_date, site_id, legal_owner_id)
) WITHOUT ROWID;

INSERT INTO unlock_tally
SELECT unlock_date, site_id, legal_owner_id, count(*), sum(customs_value_tiyn),
       sum(vat_exempted_tiyn)
FROM unit
WHERE unlock_date IS NOT NULL AND status <> 'exported' AND released_on IS NULL
GROUP BY unlock_date, site_id, legal_owner_id;

CREATE TRIGGER unlock_tally_unit_insert AFTER INSERT ON unit
WHEN new.unlock_date IS NOT NULL AND new.status <> 'exported' AND new.released_on IS NULL
BEGIN
    INSERT INTO unlock_tally
    VALUES (new.unlock_date, new.site_id, new.legal_owner_id, 1, new.customs_value_tiyn,
            new.vat_exempted_tiyn)
    ON CONFLICT DO UPDATE SET units = units + 1,
        customs_value_tiyn = customs_value_tiyn + excluded.customs_value_tiyn,
        vat_exempted_tiyn = vat_exempted_tiyn + excluded.vat_exempted_tiyn;
END;

-- A change to any column the tally reads: the unit leaves its old day/site/owner (if it was
-- counted) and joins its new one (if it still counts).
CREATE TRIGGER unlock_tally_unit_update
AFTER UPDATE OF unlock_date, site_id, legal_owner_id, status, released_on, customs_value_tiyn,
                vat_exempted_tiyn ON unit
BEGIN
    -- The last unit of a group takes its row with it; the others are subtracted.
    DELETE FROM unlock_tally
    WHERE old.unlock_date IS NOT NULL AND old.status <> 'exported' AND old.released_on IS NULL
      AND units = 1 AND unlock_date = old.unlock_date AND site_id = old.site_id
      AND legal_owner_id = old.legal_owner_id;
    UPDATE unlock_tally
    SET units = units - 1, customs_value_tiyn = customs_value_tiyn - old.customs_value_tiyn,
        vat_exempted_tiyn = vat_exempted_tiyn - old.vat_exempted_tiyn
    WHERE old.unlock_date IS NOT NULL AND old.status <> 'exported' AND old.released_on IS NULL
      AND units > 1 AND unlock_date = old.unlock_date AND site_id = old.site_id
      AND legal_owner_id = old.legal_owner_id;
    INSERT INTO unlock_tally
    SELECT new.unlock_date, new.site_id, new.legal_owner_id, 1, new.customs_value_tiyn,
           new.vat_exempted_tiyn
    WHERE new.unlock_date IS NOT NULL AND new.status <> 'exported' AND new.released_on IS NULL
    ON CONFLICT DO UPDATE SET units = units + 1,
        customs_value_tiyn = customs_value_tiyn + excluded.customs_value_tiyn,
        vat_exempted_tiyn = vat_exempted_tiyn + excluded.vat_exempted_tiyn;
END;

CREATE TRIGGER unlock_tally_unit_delete AFTER DELETE ON unit
WHEN old.unlock_date IS NOT NULL AND old.status <> 'exported' AND old.released_on IS NULL
BEGIN
    DELETE FROM unlock_tally
    WHERE units = 1 AND unlock_date = old.unlock_date AND site_id = old.site_id
      AND legal_owner_id = old.legal_owner_id;
    UPDATE unlock_tally
    SET units = units - 1, customs_value_tiyn = customs_value_tiyn - old.customs_value_tiyn,
        vat_exempted_tiyn = vat_exempted_tiyn - old.vat_exempted_tiyn
    WHERE units > 1 AND unlock_date = old.unlock_date AND site_id = old.site_id
      AND legal_owner_id = old.legal_owner_id;
END;
