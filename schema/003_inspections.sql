-- Regulatory inspections: who inspected which site on which day, and every serial they saw with
-- what they found. An inspection is a record of fact: nothing here is ever edited or deleted; a
-- mistake is corrected by recording a new inspection.

CREATE TABLE inspection (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES site(id),
    inspection_date TEXT NOT NULL CHECK (date(inspection_date, '+0 days') IS inspection_date),
    authority       TEXT NOT NULL CHECK (length(trim(authority)) > 0),
    -- Inspector names as written on the act, joined with "; ".
    inspectors      TEXT NOT NULL CHECK (length(trim(inspectors)) > 0),
    reference       TEXT NOT NULL CHECK (length(trim(reference)) > 0),
    recorded_by     TEXT NOT NULL,
    journal_seq     INTEGER NOT NULL,
    UNIQUE (authority, reference)
);
-- "When was this site last inspected": the newest row per site straight from the index.
CREATE INDEX inspection_by_site ON inspection(site_id, inspection_date, id);

-- One serial an inspector saw (a line of the scanner dump or the CSV), normalised as unit.serial
-- is; unit_id is NULL when the ledger does not know the serial.
CREATE TABLE inspection_sighting (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
    line_no       INTEGER NOT NULL CHECK (line_no > 0),
    serial        TEXT NOT NULL CHECK (serial = upper(trim(serial)) AND length(serial) > 0),
    unit_id       INTEGER REFERENCES unit(id),
    finding       TEXT NOT NULL CHECK (finding IN ('present', 'damaged', 'tampered_label',
                                                   'powered_off', 'label_unreadable')),
    UNIQUE (inspection_id, serial),
    UNIQUE (inspection_id, line_no)
);
-- "Units never inspected" and "inspections that saw this unit": a lookup by serial, which also
-- finds sightings recorded before the unit itself was imported (unit_id NULL then).
CREATE INDEX inspection_sighting_by_serial ON inspection_sighting(serial, inspection_id);

CREATE TRIGGER inspection_no_update BEFORE UPDATE ON inspection
BEGIN SELECT RAISE(ABORT, 'inspections are records of fact: record a new inspection instead'); END;
CREATE TRIGGER inspection_no_delete BEFORE DELETE ON inspection
BEGIN SELECT RAISE(ABORT, 'inspections are records of fact: record a new inspection instead'); END;
CREATE TRIGGER inspection_sighting_no_update BEFORE UPDATE ON inspection_sighting
BEGIN SELECT RAISE(ABORT, 'inspections are records of fact: record a new inspection instead'); END;
CREATE TRIGGER inspection_sighting_no_delete BEFORE DELETE ON inspection_sighting
BEGIN SELECT RAISE(ABORT, 'inspections are records of fact: record a new inspection instead'); END;
