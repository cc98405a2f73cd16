#include "Journal.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <sodium.h>
#include <stdexcept>

namespace asicledger {
namespace {

void feed(crypto_hash_sha256_state& state, std::string_view field)
{
    // Length-prefixed, so no two different entries feed the same bytes.
    const auto length = static_cast<std::uint64_t>(field.size());
    std::array<unsigned char, 8> prefix{};
    for (int i = 0; i < 8; ++i)
        prefix[i] = static_cast<unsigned char>(length >> (8 * i));
    crypto_hash_sha256_update(&state, prefix.data(), prefix.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(field.data()),
                              field.size());
}

std::string hexOf(const std::array<unsigned char, crypto_hash_sha256_BYTES>& digest)
{
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

void startSodium()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
}

} // namespace

const std::string& Journal::genesisHash()
{
    static const std::string genesis(64, '0');
    return genesis;
}

std::string Journal::sha256Hex(std::string_view bytes)
{
    startSodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    return hexOf(digest);
}

std::string Journal::entryHash(const JournalEntry& entry)
{
    startSodium();
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    feed(state, std::to_string(entry.seq));
    feed(state, entry.recordedAt);
    feed(state, entry.userName);
    feed(state, entry.action);
    feed(state, entry.summary);
    feed(state, entry.reason);
    feed(state, entry.changes);
    feed(state, entry.prevHash);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    return hexOf(digest);
}

JournalHead Journal::head() const
{
    SQLite::Statement query(m_db, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (!query.executeStep())
        return {0, genesisHash()};
    return {query.getColumn(0).getInt64(), query.getColumn(1).getString()};
}

void Journal::append(JournalEntry& entry)
{
    const auto last = head();
    entry.seq = last.seq + 1;
    entry.prevHash = last.hash;
    entry.hash = entryHash(entry);
    SQLite::Statement insert(m_db,
                             "INSERT INTO journal(seq, recorded_at, user_name, action, summary, "
                             "reason, changes, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?)");
    insert.bind(1, entry.seq);
    insert.bindNoCopy(2, entry.recordedAt);
    insert.bindNoCopy(3, entry.userName);
    insert.bindNoCopy(4, entry.action);
    insert.bindNoCopy(5, entry.summary);
    insert.bindNoCopy(6, entry.reason);
    insert.bindNoCopy(7, entry.changes);
    insert.bindNoCopy(8, entry.prevHash);
    insert.bindNoCopy(9, entry.hash);
    insert.exec();
}

} // namespace asicledger
