#pragma once

#include "Actor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

struct UserAccount
{
    std::int64_t id = 0;
    std::string name;
    Role role = Role::Manager;
    bool disabled = false;
};

// The people who may sign in, their roles, and their Argon2id password hashes.
class UserDirectory
{
public:
    explicit UserDirectory(Ledger& ledger) : m_ledger(ledger) {}

    // The actor for a name and password. A wrong password, an unknown name and a disabled account
    // all get the same answer, so the ledger does not tell a stranger which names exist.
    Actor signIn(std::string_view name, std::string_view password);

    UserAccount add(const Actor& actor, std::string_view name, std::string_view role,
                    std::string_view password);
    void disable(const Actor& actor, std::string_view name);
    // An admin may set anyone's password; anyone may set their own.
    void setPassword(const Actor& actor, std::string_view name, std::string_view password);
    std::vector<UserAccount> list();
    std::optional<UserAccount> find(std::string_view name);

private:
    Ledger& m_ledger;
};

} // namespace asicledger
