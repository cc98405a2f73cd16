#include "RowDigest.hpp"

#include <bit>
#include <cstring>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace asicledger {
namespace {

__extension__ using Wide = unsigned __int128; // GCC and Clang on 64-bit targets

constexpr std::uint64_t kPrime = (std::uint64_t{1} << 61) - 1;
constexpr std::uint64_t kLimb = (std::uint64_t{1} << 56) - 1; // 7 bytes: below the prime

std::uint64_t reduce(std::uint64_t value)
{
    value = (value & kPrime) + (value >> 61);
    return value >= kPrime ? value - kPrime : value;
}

// h * key + limb in GF(2^61 - 1), reduced only as far as the next step needs: h below 2^62 in
// and out (key below the prime, limb below 2^56), so one fold per step instead of two full
// reductions. The value is the same modulo the prime; cell() reduces it fully.
std::uint64_t step(std::uint64_t h, std::uint64_t key, std::uint64_t limb)
{
    const auto product = static_cast<Wide>(h) * key; // below 2^123
    const auto folded = (static_cast<std::uint64_t>(product) & kPrime) +
                        static_cast<std::uint64_t>(product >> 61) + limb; // below 2^63
    return (folded & kPrime) + (folded >> 61);                            // below 2^61 + 4
}

// Both polynomial hashes of one cell, limb by limb. Each starts at 1, so messages of different
// lengths are different polynomials; the length of a text is one of the limbs.
class Polynomial
{
public:
    Polynomial(std::uint64_t firstKey, std::uint64_t secondKey)
        : m_firstKey(firstKey), m_secondKey(secondKey)
    {}
    void feed(std::uint64_t limb)
    {
        m_first = step(m_first, m_firstKey, limb);
        m_second = step(m_second, m_secondKey, limb);
    }
    void header(std::int64_t id, std::size_t column, std::uint64_t kind)
    {
        const auto bits = static_cast<std::uint64_t>(id);
        feed(bits & kLimb);
        feed((bits >> 56) | (static_cast<std::uint64_t>(column & 0xFFFFFFFF) << 8) | kind << 40);
    }
    RowDigest::Cell cell() const { return {reduce(m_first), reduce(m_second)}; }

private:
    std::uint64_t m_firstKey;
    std::uint64_t m_secondKey;
    std::uint64_t m_first = 1;
    std::uint64_t m_second = 1;
};

std::uint64_t randomBelowPrime()
{
    for (;;) {
        std::uint64_t value = 0;
        if (RAND_bytes(reinterpret_cast<unsigned char*>(&value), sizeof value) != 1)
            throw std::runtime_error("no random key for verify");
        value &= kPrime;
        if (value > 1 && value < kPrime)
            return value;
    }
}

// Eight bytes as a little-endian number: one load on the CPUs this runs on.
std::uint64_t load64(const unsigned char* bytes)
{
    std::uint64_t value = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&value, bytes, sizeof value);
    } else {
        for (int i = 7; i >= 0; --i)
            value = (value << 8) | bytes[i];
    }
    return value;
}

} // namespace

RowDigest::RowDigest()
    : m_firstKey(randomBelowPrime()), m_secondKey(randomBelowPrime()),
      m_cipher(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free)
{
    if (RAND_bytes(m_cipherKey.data(), m_cipherKey.size()) != 1)
        throw std::runtime_error("no random key for verify");
    startCipher();
}

RowDigest::RowDigest(const RowDigest& other, SameKeys)
    : m_firstKey(other.m_firstKey), m_secondKey(other.m_secondKey), m_cipherKey(other.m_cipherKey),
      m_cipher(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free)
{
    startCipher();
}

void RowDigest::startCipher()
{
    if (!m_cipher || EVP_EncryptInit_ex(m_cipher.get(), EVP_aes_128_ecb(), nullptr,
                                        m_cipherKey.data(), nullptr) != 1)
        throw std::runtime_error("the cipher for verify could not start");
    EVP_CIPHER_CTX_set_padding(m_cipher.get(), 0);
}

RowDigest::~RowDigest() = default;

RowDigest::Cell RowDigest::null(std::int64_t id, std::size_t column) const
{
    Polynomial polynomial(m_firstKey, m_secondKey);
    polynomial.header(id, column, 1);
    return polynomial.cell();
}

RowDigest::Cell RowDigest::integer(std::int64_t id, std::size_t column, std::int64_t value) const
{
    Polynomial polynomial(m_firstKey, m_secondKey);
    polynomial.header(id, column, 2);
    const auto bits = static_cast<std::uint64_t>(value);
    polynomial.feed(bits & kLimb);
    polynomial.feed(bits >> 56);
    return polynomial.cell();
}

RowDigest::Cell RowDigest::text(std::int64_t id, std::size_t column, std::string_view value) const
{
    Polynomial polynomial(m_firstKey, m_secondKey);
    polynomial.header(id, column, 3);
    polynomial.feed(static_cast<std::uint64_t>(value.size()) & kLimb);
    std::size_t at = 0;
    for (; at + 8 <= value.size(); at += 7) {
        // Eight bytes read, seven kept: the limb stays below the prime.
        polynomial.feed(load64(reinterpret_cast<const unsigned char*>(value.data() + at)) & kLimb);
    }
    if (at < value.size()) {
        unsigned char rest[8] = {};
        std::memcpy(rest, value.data() + at, value.size() - at);
        polynomial.feed(load64(rest) & kLimb);
    }
    return polynomial.cell();
}

RowDigest::Cell RowDigest::of(std::int64_t id, std::size_t column, const SqlValue& value) const
{
    if (const auto* number = std::get_if<std::int64_t>(&value))
        return integer(id, column, *number);
    if (const auto* text = std::get_if<std::string>(&value))
        return this->text(id, column, *text);
    return null(id, column);
}

RowDigest::Sum RowDigest::sum(std::span<const Cell> cells) const
{
    Sum sum;
    if (cells.empty())
        return sum;
    const auto bytes = static_cast<int>(cells.size() * sizeof(Cell));
    m_blocks.resize(static_cast<std::size_t>(bytes));
    int written = 0;
    static_assert(sizeof(Cell) == 16, "one cipher block per cell");
    if (EVP_EncryptUpdate(m_cipher.get(), m_blocks.data(), &written,
                          reinterpret_cast<const unsigned char*>(cells.data()), bytes) != 1 ||
        written != bytes)
        throw std::runtime_error("the cipher for verify failed");
    for (std::size_t i = 0; i < cells.size(); ++i)
        sum.add({load64(&m_blocks[16 * i]), load64(&m_blocks[16 * i + 8])});
    return sum;
}

void RowDigest::Batch::flush()
{
    m_target.add(m_digest.sum(m_added));
    m_target.subtract(m_digest.sum(m_subtracted));
    m_added.clear();
    m_subtracted.clear();
}

} // namespace asicledger
