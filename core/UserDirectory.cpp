#include "UserDirectory.hpp"

#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PasswordHasher.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

UserAccount readAccount(SQLite::Statement& query)
{
    return {query.getColumn(0).getInt64(), query.getColumn(1).getString(),
            parseRole(query.getColumn(2).getString()).value_or(Role::Manager),
            query.getColumn(3).getInt() != 0};
}

} // namespace

Actor UserDirectory::signIn(std::string_view name, std::string_view password)
{
    SQLite::Statement query(
        m_ledger.db(),
        "SELECT id, name, role, disabled, password_hash FROM app_user WHERE name = ?");
    query.bind(1, trim(name));
    const bool known = query.executeStep();
    // Hash even for unknown names so the answer takes the same time.
    static const std::string decoy = PasswordHasher::hash("decoy-password");
    const std::string stored = known ? query.getColumn(4).getString() : decoy;
    const bool passwordOk = PasswordHasher::verify(stored, password);
    if (!known || !passwordOk || query.getColumn(3).getInt() != 0)
        throw PermissionDenied("the user name or password is wrong (or the account is disabled): "
                               "check them, or ask an administrator");
    const auto account = readAccount(query);
    return Actor{account.id, account.name, account.role};
}

UserAccount UserDirectory::add(const Actor& actor, std::string_view nameText,
                               std::string_view roleText, std::string_view password)
{
    UserAccount account;
    account.name = trim(nameText);
    if (account.name.empty())
        throw InvalidInput("a user needs a name");
    const auto role = parseRole(roleText);
    if (!role)
        throw InvalidInput(
            fmt::format("role '{}' is unknown: use admin, finance, auditor or manager", roleText));
    account.role = *role;
    PasswordHasher::requireAcceptable(password);
    AccessPolicy::require(actor, Permission::ManageUsers, "adding a user");
    if (find(account.name))
        throw Refusal(fmt::format("a user named '{}' already exists", account.name));
    const auto hash = PasswordHasher::hash(password);
    account.id = m_ledger.write(
        actor, Permission::ManageUsers, "adding a user", "user.add", [&](ChangeSet& changes) {
            changes.setSummary(
                fmt::format("added user {} ({})", account.name, toText(account.role)));
            return changes.insert("app_user", {{"name", account.name},
                                               {"role", std::string(toText(account.role))},
                                               {"password_hash", hash},
                                               {"disabled", std::int64_t{0}}});
        });
    return account;
}

void UserDirectory::disable(const Actor& actor, std::string_view name)
{
    AccessPolicy::require(actor, Permission::ManageUsers, "disabling a user");
    const auto account = find(name);
    if (!account)
        throw NotFound(fmt::format("there is no user named '{}'", trim(name)));
    if (account->id == actor.userId)
        throw Refusal("you cannot disable your own account: ask another administrator");
    if (account->disabled)
        throw Refusal(fmt::format("user '{}' is already disabled", account->name));
    m_ledger.write(actor, Permission::ManageUsers, "disabling a user", "user.disable",
                   [&](ChangeSet& changes) {
                       changes.setSummary(fmt::format("disabled user {}", account->name));
                       changes.update("app_user", account->id, {{"disabled", std::int64_t{1}}});
                   });
}

void UserDirectory::setPassword(const Actor& actor, std::string_view name,
                                std::string_view password)
{
    const auto account = find(name);
    if (!account)
        throw NotFound(fmt::format("there is no user named '{}'", trim(name)));
    const bool own = account->id == actor.userId;
    if (!own)
        AccessPolicy::require(actor, Permission::ManageUsers, "setting another user's password");
    PasswordHasher::requireAcceptable(password);
    const auto hash = PasswordHasher::hash(password);
    const auto permission = own ? Permission::ChangeOwnPassword : Permission::ManageUsers;
    m_ledger.write(actor, permission, "setting a password", "user.passwd", [&](ChangeSet& changes) {
        changes.setSummary(fmt::format("set the password of {}", account->name));
        changes.update("app_user", account->id, {{"password_hash", hash}});
    });
}

std::vector<UserAccount> UserDirectory::list()
{
    std::vector<UserAccount> users;
    SQLite::Statement query(m_ledger.db(),
                            "SELECT id, name, role, disabled FROM app_user ORDER BY name");
    while (query.executeStep())
        users.push_back(readAccount(query));
    return users;
}

std::optional<UserAccount> UserDirectory::find(std::string_view name)
{
    SQLite::Statement query(m_ledger.db(),
                            "SELECT id, name, role, disabled FROM app_user WHERE name = ?");
    query.bind(1, trim(name));
    if (!query.executeStep())
        return std::nullopt;
    return readAccount(query);
}

} // namespace asicledger
