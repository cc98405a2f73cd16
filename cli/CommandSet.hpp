#pragma once

#include <CLI/App.hpp>
#include <functional>
#include <utility>
#include <vector>

namespace asicledger {

class Session;

// The leaf commands of the program and what each does. The parser only fills in options; the
// chosen command runs afterwards, outside CLI11, so its errors map to exit codes in one place.
class CommandSet
{
public:
    using Action = std::function<int()>;

    explicit CommandSet(Session& session) : m_session(session) {}

    Session& session() { return m_session; }
    void on(CLI::App* command, Action action)
    {
        m_actions.emplace_back(command, std::move(action));
    }

    // The action of the command given on the command line (the deepest one parsed, so
    // `journal head` wins over `journal`); empty if none was.
    Action chosen() const
    {
        Action found;
        int foundDepth = -1;
        for (const auto& [command, action] : m_actions) {
            if (!command->parsed())
                continue;
            int depth = 0;
            for (auto* parent = command->get_parent(); parent; parent = parent->get_parent())
                ++depth;
            if (depth > foundDepth) {
                found = action;
                foundDepth = depth;
            }
        }
        return found;
    }

private:
    Session& m_session;
    std::vector<std::pair<CLI::App*, Action>> m_actions;
};

// One function per command group adds its commands to the program.
void addInitCommand(CLI::App& app, CommandSet& commands);
void addDemoCommand(CLI::App& app, CommandSet& commands);
void addEntityCommands(CLI::App& app, CommandSet& commands);
void addSiteCommands(CLI::App& app, CommandSet& commands);
void addImportCommand(CLI::App& app, CommandSet& commands);
void addUnitCommands(CLI::App& app, CommandSet& commands);
void addActionCommands(CLI::App& app, CommandSet& commands);
void addExitCommands(CLI::App& app, CommandSet& commands);
void addRateCommands(CLI::App& app, CommandSet& commands);
void addUserCommands(CLI::App& app, CommandSet& commands);
void addJournalCommands(CLI::App& app, CommandSet& commands);
void addInspectionCommands(CLI::App& app, CommandSet& commands);
void addReportCommands(CLI::App& app, CommandSet& commands);

} // namespace asicledger
