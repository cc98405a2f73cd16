#include "Journal.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <memory>
#include <openssl/evp.h>
#include <stdexcept>

namespace asicledger {
namespace {

constexpr std::size_t kDigestBytes = 32;

// SHA-256 through libcrypto, which uses the CPU's SHA instructions where it has them (several
// times faster than portable code on a journal of gigabytes). The digest is the same.
class Sha256
{
public:
    // One algorithm fetched and one context per thread, reused: setting them up costs more than
    // hashing a small entry.
    Sha256() : m_context(context())
    {
        if (EVP_DigestInit_ex(m_context, algorithm(), nullptr) != 1)
            throw std::runtime_error("SHA-256 could not start");
    }
    void update(std::string_view bytes)
    {
        if (EVP_DigestUpdate(m_context, bytes.data(), bytes.size()) != 1)
            throw std::runtime_error("SHA-256 failed");
    }
    // Length-prefixed, so no two different entries feed the same bytes.
    void feed(std::string_view field)
    {
        const auto length = static_cast<std::uint64_t>(field.size());
        std::array<char, 8> prefix{};
        for (int i = 0; i < 8; ++i)
            prefix[i] = static_cast<char>(length >> (8 * i));
        update({prefix.data(), prefix.size()});
        update(field);
    }
    std::array<unsigned char, kDigestBytes> digest()
    {
        std::array<unsigned char, kDigestBytes> result{};
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(m_context, result.data(), &size) != 1 || size != kDigestBytes)
            throw std::runtime_error("SHA-256 failed");
        return result;
    }

private:
    static const EVP_MD* algorithm()
    {
        static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> sha256(
            EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
        if (!sha256)
            throw std::runtime_error("SHA-256 is not available from libcrypto");
        return sha256.get();
    }
    static EVP_MD_CTX* context()
    {
        thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
            EVP_MD_CTX_new(), &EVP_MD_CTX_free);
        if (!context)
            throw std::runtime_error("SHA-256 could not start");
        return context.get();
    }

    EVP_MD_CTX* m_context;
};

std::string hexOf(const std::array<unsigned char, kDigestBytes>& digest)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(kDigestBytes * 2, '0');
    for (std::size_t i = 0; i < kDigestBytes; ++i) {
        hex[2 * i] = kDigits[digest[i] >> 4];
        hex[2 * i + 1] = kDigits[digest[i] & 0xF];
    }
    return hex;
}

} // namespace

const std::string& Journal::genesisHash()
{
    static const std::string genesis(64, '0');
    return genesis;
}

std::string Journal::sha256Hex(std::string_view bytes)
{
    Sha256 sha;
    sha.update(bytes);
    return hexOf(sha.digest());
}

std::string Journal::entryHash(const JournalEntry& entry)
{
    return entryHash(entry, entry.changes);
}

std::string Journal::entryHash(const JournalEntry& entry, std::string_view changes)
{
    Sha256 sha;
    sha.feed(std::to_string(entry.seq));
    sha.feed(entry.recordedAt);
    sha.feed(entry.userName);
    sha.feed(entry.action);
    sha.feed(entry.summary);
    sha.feed(entry.reason);
    sha.feed(changes);
    sha.feed(entry.prevHash);
    return hexOf(sha.digest());
}

JournalHead Journal::head() const
{
    SQLite::Statement query(m_db, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (!query.executeStep())
        return {0, genesisHash()};
    return {query.getColumn(0).getInt64(), query.getColumn(1).getString()};
}

void Journal::forEachEntry(const OnEntry& onEntry, const std::string& where,
                           const std::vector<std::string>& args) const
{
    SQLite::Statement query(m_db, "SELECT seq, recorded_at, user_name, action, summary, reason, "
                                  "changes, prev_hash, hash FROM journal " +
                                      (where.empty() ? std::string() : "WHERE " + where) +
                                      " ORDER BY seq");
    for (std::size_t i = 0; i < args.size(); ++i)
        query.bind(static_cast<int>(i + 1), args[i]);
    JournalEntry entry; // its strings reused from entry to entry
    while (query.executeStep()) {
        entry.seq = query.getColumn(0).getInt64();
        entry.recordedAt = query.getColumn(1).getText();
        entry.userName = query.getColumn(2).getText();
        entry.action = query.getColumn(3).getText();
        entry.summary = query.getColumn(4).getText();
        entry.reason = query.getColumn(5).getText();
        entry.prevHash = query.getColumn(7).getText();
        entry.hash = query.getColumn(8).getText();
        const auto changes = query.getColumn(6);
        onEntry(entry,
                std::string_view(changes.getText(), static_cast<std::size_t>(changes.getBytes())));
    }
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
