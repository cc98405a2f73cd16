#pragma once

#include <stdexcept>
#include <string>

namespace asicledger {

// Every error the core raises for a person to read: the message says what is wrong and what to
// do. Nothing has been written when one of these escapes a write.
class LedgerError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The input cannot be understood or is incomplete (a bad date, an unknown entity name...).
class InvalidInput : public LedgerError
{
public:
    using LedgerError::LedgerError;
};

// Something named does not exist in the ledger.
class NotFound : public LedgerError
{
public:
    using LedgerError::LedgerError;
};

// A rule of the ledger forbids the action (the five-year lock, an AIFC-only conversion...).
class Refusal : public LedgerError
{
public:
    using LedgerError::LedgerError;
};

// The signed-in user's role may not do this.
class PermissionDenied : public LedgerError
{
public:
    using LedgerError::LedgerError;
};

// A quote or computation needs reference data the ledger does not hold (a base-rate gap...).
class MissingReferenceData : public LedgerError
{
public:
    using LedgerError::LedgerError;
};

// Another program kept a lock on the ledger for longer than a program waits (a minute): a large
// import holds the write lock for its whole run. Nothing was written; trying again is the remedy.
class LedgerBusy : public LedgerError
{
public:
    LedgerBusy()
        : LedgerError("the ledger is busy with another program's work (a large import holds it "
                      "for its whole run): nothing was written; try again in a minute")
    {}
};

} // namespace asicledger
