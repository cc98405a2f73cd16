-- Crypto to fiat (domain.md): BTC mined by a domestic entity, transferred to its overseas entity,
-- sold there for fiat, and the fiat remitted home. Satoshi and fiat are integer minor units; a
-- currency is its ISO 4217 code. The rules that need other rows (who holds how much on a date,
-- how much is left to remit) live in the core; what one row or the entity table can say is
-- checked here too, so no path around the core can store an impossible record.

-- Where BTC is sold for fiat. Only AIFC-licensed venues are lawful for a domestic entity.
CREATE TABLE venue (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE
                  CHECK (length(trim(name)) > 0 AND name = trim(name)),
    aifc_licensed INTEGER NOT NULL DEFAULT 0 CHECK (aifc_licensed IN (0, 1))
);

-- A pool payout credited to a domestic entity.
CREATE TABLE crypto_mined (
    id          INTEGER PRIMARY KEY,
    entity_id   INTEGER NOT NULL REFERENCES entity(id),
    mined_date  TEXT NOT NULL CHECK (date(mined_date, '+0 days') IS mined_date),
    sats        INTEGER NOT NULL CHECK (sats > 0),
    pool        TEXT NOT NULL DEFAULT '' CHECK (pool = trim(pool)),
    payout_ref  TEXT NOT NULL UNIQUE COLLATE NOCASE
                CHECK (length(payout_ref) > 0 AND payout_ref = trim(payout_ref)),
    journal_seq INTEGER NOT NULL
);
CREATE INDEX crypto_mined_by_entity ON crypto_mined(entity_id, mined_date);

-- BTC moved on chain from a domestic entity to an overseas one.
CREATE TABLE crypto_transfer (
    id             INTEGER PRIMARY KEY,
    from_entity_id INTEGER NOT NULL REFERENCES entity(id),
    to_entity_id   INTEGER NOT NULL REFERENCES entity(id),
    transfer_date  TEXT NOT NULL CHECK (date(transfer_date, '+0 days') IS transfer_date),
    sats           INTEGER NOT NULL CHECK (sats > 0),
    -- 64 hex digits, lower case: a txid compares the same however a wallet printed it.
    txid           TEXT NOT NULL UNIQUE
                   CHECK (length(txid) = 64 AND txid NOT GLOB '*[^0-9a-f]*'),
    journal_seq    INTEGER NOT NULL,
    CHECK (from_entity_id <> to_entity_id)
);
CREATE INDEX crypto_transfer_by_sender ON crypto_transfer(from_entity_id, transfer_date);
CREATE INDEX crypto_transfer_by_receiver ON crypto_transfer(to_entity_id, from_entity_id, transfer_date);

-- BTC sold for fiat at a venue. source_entity_id is the domestic entity whose coins were sold:
-- the seller itself when it is domestic; for an overseas seller, the domestic entity that
-- transferred them, so the proceeds (and what is owed home) are attributed to it.
-- fiat_minor is the gross proceeds; the venue's fee is taken from them in the same currency.
-- aifc_at_conversion is the venue's flag when the conversion was recorded, so a flag changed
-- later cannot hide what the ledger was told at the time.
CREATE TABLE crypto_conversion (
    id                 INTEGER PRIMARY KEY,
    entity_id          INTEGER NOT NULL REFERENCES entity(id),
    source_entity_id   INTEGER NOT NULL REFERENCES entity(id),
    venue_id           INTEGER NOT NULL REFERENCES venue(id),
    conversion_date    TEXT NOT NULL CHECK (date(conversion_date, '+0 days') IS conversion_date),
    sats_sold          INTEGER NOT NULL CHECK (sats_sold > 0),
    fiat_minor         INTEGER NOT NULL CHECK (fiat_minor > 0),
    currency           TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)
                                            AND currency NOT GLOB '*[^A-Z]*'),
    fee_minor          INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0 AND fee_minor <= fiat_minor),
    aifc_at_conversion INTEGER NOT NULL CHECK (aifc_at_conversion IN (0, 1)),
    journal_seq        INTEGER NOT NULL
);
CREATE INDEX crypto_conversion_by_seller ON crypto_conversion(entity_id, source_entity_id, conversion_date);
CREATE INDEX crypto_conversion_by_source ON crypto_conversion(source_entity_id, entity_id, currency, conversion_date);
CREATE INDEX crypto_conversion_by_venue ON crypto_conversion(venue_id);

-- Fiat wired from an overseas entity back to a domestic one.
CREATE TABLE crypto_remittance (
    id              INTEGER PRIMARY KEY,
    from_entity_id  INTEGER NOT NULL REFERENCES entity(id),
    to_entity_id    INTEGER NOT NULL REFERENCES entity(id),
    remittance_date TEXT NOT NULL CHECK (date(remittance_date, '+0 days') IS remittance_date),
    amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
    currency        TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)
                                         AND currency NOT GLOB '*[^A-Z]*'),
    bank_ref        TEXT NOT NULL UNIQUE COLLATE NOCASE
                    CHECK (length(bank_ref) > 0 AND bank_ref = trim(bank_ref)),
    journal_seq     INTEGER NOT NULL,
    CHECK (from_entity_id <> to_entity_id)
);
CREATE INDEX crypto_remittance_by_pair ON crypto_remittance(from_entity_id, to_entity_id, currency, remittance_date);
CREATE INDEX crypto_remittance_by_receiver ON crypto_remittance(to_entity_id, remittance_date);

-- Who may stand where in a flow: the entity table's kind, checked at insert.
CREATE TRIGGER crypto_mined_domestic BEFORE INSERT ON crypto_mined
WHEN (SELECT kind FROM entity WHERE id = NEW.entity_id) IS NOT 'domestic'
BEGIN SELECT RAISE(ABORT, 'mined BTC is credited to a domestic entity only'); END;
CREATE TRIGGER crypto_transfer_direction BEFORE INSERT ON crypto_transfer
WHEN (SELECT kind FROM entity WHERE id = NEW.from_entity_id) IS NOT 'domestic'
  OR (SELECT kind FROM entity WHERE id = NEW.to_entity_id) IS NOT 'overseas'
BEGIN SELECT RAISE(ABORT, 'a transfer goes from a domestic entity to an overseas one'); END;
CREATE TRIGGER crypto_conversion_source BEFORE INSERT ON crypto_conversion
WHEN (SELECT kind FROM entity WHERE id = NEW.source_entity_id) IS NOT 'domestic'
  OR ((SELECT kind FROM entity WHERE id = NEW.entity_id) IS 'domestic'
      AND NEW.source_entity_id <> NEW.entity_id)
BEGIN SELECT RAISE(ABORT, 'a conversion sells coins of a domestic entity'); END;
CREATE TRIGGER crypto_remittance_direction BEFORE INSERT ON crypto_remittance
WHEN (SELECT kind FROM entity WHERE id = NEW.from_entity_id) IS NOT 'overseas'
  OR (SELECT kind FROM entity WHERE id = NEW.to_entity_id) IS NOT 'domestic'
BEGIN SELECT RAISE(ABORT, 'a remittance goes from an overseas entity to a domestic one'); END;

-- Flows are records of fact: a mistake is corrected by a new record, never by editing history.
CREATE TRIGGER crypto_mined_no_update BEFORE UPDATE ON crypto_mined
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_mined_no_delete BEFORE DELETE ON crypto_mined
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_transfer_no_update BEFORE UPDATE ON crypto_transfer
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_transfer_no_delete BEFORE DELETE ON crypto_transfer
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_conversion_no_update BEFORE UPDATE ON crypto_conversion
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_conversion_no_delete BEFORE DELETE ON crypto_conversion
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_remittance_no_update BEFORE UPDATE ON crypto_remittance
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
CREATE TRIGGER crypto_remittance_no_delete BEFORE DELETE ON crypto_remittance
BEGIN SELECT RAISE(ABORT, 'crypto records are append-only: record a correcting entry instead'); END;
