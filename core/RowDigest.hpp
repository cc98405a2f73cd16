#pragma once

#include "ChangeSet.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;

namespace asicledger {

// A keyed 128-bit digest of one value in one cell (row id, column), under fresh random keys per
// verify, so nobody can prepare values whose digests match the journal's. Digests are added up:
// the sum over a table's cells says what the table holds, and an update swaps the digests of the
// values before for those after without knowing the rest of the row. The id and the column are
// part of every digest, so values cannot trade places between rows or columns unseen.
//
// The digest is a pseudorandom function built for speed (verify computes hundreds of millions):
// the cell is first reduced to 122 bits by two keyed polynomial hashes over GF(2^61 - 1) (two
// different cells meet with chance below length/2^61 per hash), then encrypted with AES-128 under
// a random key, many cells per call so the CPU's AES instructions run at full speed. Without the
// AES step the sums would be linear in the values, and a tamperer could balance one edit with
// another; after it, a sum only matches when the cells match.
class RowDigest
{
public:
    struct Sum
    {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        void add(const Sum& other)
        {
            low += other.low;
            high += other.high;
        }
        void subtract(const Sum& other)
        {
            low -= other.low;
            high -= other.high;
        }
        bool operator==(const Sum&) const = default;
    };
    // A cell reduced by the polynomial hashes, before the cipher.
    struct Cell
    {
        std::uint64_t first = 0;
        std::uint64_t second = 0;
    };

    RowDigest();
    // The same keys, so the same digests, with a cipher of its own: for another thread.
    struct SameKeys
    {};
    RowDigest(const RowDigest& other, SameKeys);
    ~RowDigest();
    RowDigest(const RowDigest&) = delete;
    RowDigest& operator=(const RowDigest&) = delete;

    Cell null(std::int64_t id, std::size_t column) const;
    Cell integer(std::int64_t id, std::size_t column, std::int64_t value) const;
    Cell text(std::int64_t id, std::size_t column, std::string_view value) const;
    Cell of(std::int64_t id, std::size_t column, const SqlValue& value) const;

    // The sum of the digests of a few cells (a row's, say).
    Sum sum(std::span<const Cell> cells) const;

    // Adds (or takes away) the digests of many cells to one sum, a few thousand at a time.
    class Batch
    {
    public:
        Batch(const RowDigest& digest, Sum& target) : m_digest(digest), m_target(target) {}
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        void add(const Cell& cell)
        {
            m_added.push_back(cell);
            if (m_added.size() == kCells)
                flush();
        }
        void subtract(const Cell& cell)
        {
            m_subtracted.push_back(cell);
            if (m_subtracted.size() == kCells)
                flush();
        }
        // Brings the target up to date.
        void flush();

    private:
        static constexpr std::size_t kCells = 2048;
        const RowDigest& m_digest;
        Sum& m_target;
        std::vector<Cell> m_added;
        std::vector<Cell> m_subtracted;
    };

private:
    void startCipher();

    std::uint64_t m_firstKey = 0;
    std::uint64_t m_secondKey = 0;
    std::array<unsigned char, 16> m_cipherKey{};
    std::unique_ptr<EVP_CIPHER_CTX, void (*)(EVP_CIPHER_CTX*)> m_cipher;
    mutable std::vector<unsigned char> m_blocks; // the cipher's output, reused
};

} // namespace asicledger
