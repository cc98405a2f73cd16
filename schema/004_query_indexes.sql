-- Indexes for the reads that must stay fast at a million units and five million history events
-- (issue 7). Each one names the query it serves; every index costs the import a B-tree insert
-- per row, so none is here without a reader. Two replace an index of 001 with a wider one, so
-- the number of indexes a unit_event insert maintains does not grow with them.

-- The unlock schedule (UnlockSchedule): the units unlocking in a date range, grouped by day, site
-- and owner with their customs value and exempted VAT, read from this index alone, in its order,
-- without touching the unit table or sorting. Units imported with VAT paid have no unlock date
-- and are left out.
CREATE INDEX unit_schedule ON unit(unlock_date, site_id, legal_owner_id, status, released_on,
                                   customs_value_tiyn, vat_exempted_tiyn)
    WHERE unlock_date IS NOT NULL;

-- The register as of a day at one site (UnitRegisterAsOf, the inspection report): which units
-- some event put at the site by that day. With unit_id in the index that is an index range, not a
-- row read per event of every unit that ever stood there. Replaces unit_event_by_site.
DROP INDEX unit_event_by_site;
CREATE INDEX unit_event_by_site_unit ON unit_event(site_id, event_date, unit_id)
    WHERE site_id IS NOT NULL;

-- "Was the unit exported by then" (UnitRegisterAsOf, UnitPlacement, UnitSelection): one seek in
-- an index of exports only, instead of reading every event row of the unit to test its kind.
CREATE INDEX unit_event_exports ON unit_event(unit_id, event_date) WHERE kind = 'exported';
