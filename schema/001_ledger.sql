-- The ledger's first schema: parties, customs declarations, units and their history, the five-year
-- lock, early exits, the rate and policy tables, users and the hash-chained journal.
-- Dates are ISO text (YYYY-MM-DD), checked with date(x, '+0 days') because plain date() lets
-- 2024-02-30 through; money is integer minor units; rates are basis points.

CREATE TABLE entity (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('domestic', 'overseas')),
    jurisdiction    TEXT NOT NULL CHECK (length(jurisdiction) = 2 AND jurisdiction = upper(jurisdiction)),
    registration_no TEXT,
    CHECK ((kind = 'domestic') = (jurisdiction = 'KZ')),
    CHECK (kind = 'overseas' OR registration_no IS NULL
           OR (length(registration_no) = 12 AND registration_no NOT GLOB '*[^0-9]*'))
);

CREATE TABLE site (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    region      TEXT NOT NULL,
    operator_id INTEGER NOT NULL REFERENCES entity(id)
);

CREATE TABLE shipment (
    id               INTEGER PRIMARY KEY,
    declaration_no   TEXT NOT NULL UNIQUE CHECK (length(declaration_no) > 0),
    declaration_date TEXT NOT NULL CHECK (date(declaration_date, '+0 days') IS declaration_date),
    route            TEXT NOT NULL CHECK (route IN ('air', 'rail', 'truck')),
    dispatch_date    TEXT NOT NULL CHECK (date(dispatch_date, '+0 days') IS dispatch_date),
    arrival_date     TEXT NOT NULL CHECK (date(arrival_date, '+0 days') IS arrival_date),
    importer_id      INTEGER NOT NULL REFERENCES entity(id),
    CHECK (arrival_date >= dispatch_date)
);

CREATE TABLE unit (
    id                   INTEGER PRIMARY KEY,
    serial               TEXT NOT NULL UNIQUE CHECK (serial = upper(trim(serial)) AND length(serial) > 0),
    shipment_id          INTEGER NOT NULL REFERENCES shipment(id),
    manufacturer         TEXT NOT NULL,
    model                TEXT NOT NULL,
    hashrate_ghs         INTEGER NOT NULL CHECK (hashrate_ghs > 0),
    power_w              INTEGER NOT NULL CHECK (power_w > 0),
    customs_value_tiyn   INTEGER NOT NULL CHECK (customs_value_tiyn >= 0),
    customs_currency     TEXT NOT NULL CHECK (length(customs_currency) = 3),
    customs_value_minor  INTEGER NOT NULL CHECK (customs_value_minor >= 0),
    fx_rate              TEXT,
    legal_owner_id       INTEGER NOT NULL REFERENCES entity(id),
    beneficial_owner_id  INTEGER REFERENCES entity(id),
    site_id              INTEGER NOT NULL REFERENCES site(id),
    status               TEXT NOT NULL DEFAULT 'running'
                         CHECK (status IN ('running', 'stopped', 'faulty', 'exported')),
    vat_rate_bp          INTEGER NOT NULL CHECK (vat_rate_bp >= 0),
    exemption_start      TEXT CHECK (exemption_start IS NULL OR date(exemption_start, '+0 days') IS exemption_start),
    exemption_term_years INTEGER CHECK (exemption_term_years > 0),
    lock_end             TEXT,
    unlock_date          TEXT,
    vat_exempted_tiyn    INTEGER CHECK (vat_exempted_tiyn >= 0),
    released_on          TEXT,
    CHECK ((exemption_start IS NULL) = (unlock_date IS NULL)),
    CHECK ((exemption_start IS NULL) = (lock_end IS NULL)),
    CHECK ((exemption_start IS NULL) = (exemption_term_years IS NULL)),
    CHECK ((exemption_start IS NULL) = (vat_exempted_tiyn IS NULL)),
    CHECK (unlock_date IS NULL OR unlock_date > exemption_start)
);
CREATE INDEX unit_by_unlock ON unit(unlock_date, id);
CREATE INDEX unit_by_site ON unit(site_id, unlock_date);
CREATE INDEX unit_by_owner ON unit(legal_owner_id, unlock_date);
CREATE INDEX unit_by_beneficial_owner ON unit(beneficial_owner_id) WHERE beneficial_owner_id IS NOT NULL;
CREATE INDEX unit_by_shipment ON unit(shipment_id);
CREATE INDEX unit_by_status ON unit(status, unlock_date);

-- What happened to a unit, in the order it happened. Append-only.
CREATE TABLE unit_event (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    event_date  TEXT NOT NULL CHECK (date(event_date, '+0 days') IS event_date),
    kind        TEXT NOT NULL CHECK (kind IN ('imported', 'sold', 'moved', 'exported', 'status',
                                              'note', 'beneficial_owner', 'exit_recorded',
                                              'exit_approved')),
    detail      TEXT NOT NULL DEFAULT '',
    journal_seq INTEGER NOT NULL,
    -- The unit's placement after this event, so "where was it, whose was it, on day D" (inspections,
    -- the register as of a date) is one indexed lookup rather than a replay of the journal.
    site_id        INTEGER REFERENCES site(id),
    legal_owner_id INTEGER REFERENCES entity(id),
    status         TEXT CHECK (status IS NULL OR status IN ('running', 'stopped', 'faulty', 'exported'))
);
CREATE INDEX unit_event_by_unit ON unit_event(unit_id, event_date, id);
CREATE INDEX unit_event_by_site ON unit_event(site_id, event_date) WHERE site_id IS NOT NULL;

-- An early exit: the exempted VAT and penalty paid, waiting for or holding a manager's approval.
CREATE TABLE exit_payment (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    payment_date  TEXT NOT NULL CHECK (date(payment_date, '+0 days') IS payment_date),
    principal_tiyn INTEGER NOT NULL CHECK (principal_tiyn >= 0),
    penalty_tiyn  INTEGER NOT NULL CHECK (penalty_tiyn >= 0),
    total_tiyn    INTEGER NOT NULL CHECK (total_tiyn = principal_tiyn + penalty_tiyn),
    payment_ref   TEXT NOT NULL CHECK (length(payment_ref) > 0),
    recorded_by   TEXT NOT NULL,
    approved_by   TEXT,
    approval_note TEXT,
    CHECK (approved_by IS NULL OR approved_by <> recorded_by COLLATE NOCASE)
);
CREATE INDEX exit_payment_by_unit ON exit_payment(unit_id);
CREATE INDEX exit_payment_pending ON exit_payment(unit_id) WHERE approved_by IS NULL;

-- National Bank of Kazakhstan base rate: in force from effective_from until the next row.
CREATE TABLE base_rate (
    id             INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE CHECK (date(effective_from, '+0 days') IS effective_from),
    rate_bp        INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 100000),
    confirmed      INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    note           TEXT NOT NULL DEFAULT ''
);

-- Import VAT by declaration date.
CREATE TABLE vat_rate (
    id             INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE CHECK (date(effective_from, '+0 days') IS effective_from),
    rate_bp        INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000)
);

-- How the early-exit penalty accrues: multiplier of the base rate, day count, first accrual day.
CREATE TABLE exit_policy (
    id             INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE CHECK (date(effective_from, '+0 days') IS effective_from),
    multiplier_num INTEGER NOT NULL CHECK (multiplier_num > 0),
    multiplier_den INTEGER NOT NULL CHECK (multiplier_den > 0),
    day_count      INTEGER NOT NULL CHECK (day_count > 0),
    accrual_start  TEXT NOT NULL CHECK (accrual_start IN ('day_after_start', 'start_day'))
);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'auditor', 'manager')),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- Every change, who made it and why, chained by SHA-256. Append-only.
CREATE TABLE journal (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    action      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    changes     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE
);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a correcting entry instead'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a correcting entry instead'); END;
CREATE TRIGGER unit_event_no_update BEFORE UPDATE ON unit_event
BEGIN SELECT RAISE(ABORT, 'unit history is append-only: record a correcting event instead'); END;
CREATE TRIGGER unit_event_no_delete BEFORE DELETE ON unit_event
BEGIN SELECT RAISE(ABORT, 'unit history is append-only: record a correcting event instead'); END;
