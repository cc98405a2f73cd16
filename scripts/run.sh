#!/usr/bin/env bash
# scripts/run.sh: installs the Debian packages that are missing, builds everything in ./build,
# creates the demo ledger on first run, and opens it: in the desktop application when there is a
# display, else by printing what a manager would look at from the command line.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if (($# > 0)); then
    echo "usage: scripts/run.sh   (ASICLEDGER_DB picks the ledger file, ASICLEDGER_PASSWORD the"
    echo "       administrator's password when the demo ledger is created)"
    [[ "$1" == "-h" || "$1" == "--help" ]] && exit 0
    exit 2
fi

ensure_packages
# shellcheck disable=SC2119 # run.sh takes no build options
configure_and_build

cli="$ASICLEDGER_BUILD/cli/asicledger"
gui="$ASICLEDGER_BUILD/gui/asicledger-gui"
ledger="${ASICLEDGER_DB:-$HOME/.local/share/asicledger/demo.ledger}"
admin_password="${ASICLEDGER_PASSWORD:-admin-demo-pass}"
# The demo's users and passwords, as DemoLedger (core/DemoLedger.cpp) creates them.
demo_users=(
    "admin   admin     $admin_password"
    "dana    finance   dana-demo-pass"
    "yerlan  auditor   yerlan-demo-pass"
    "aigerim manager   aigerim-demo-pass"
)

# True when this build of the command line lists the command in its help: `has_command report`,
# `has_command exit quote`. (Asking `asicledger NAME --help` would not do: an unknown NAME still
# prints the program's help.)
has_command() {
    local name="${!#}"
    local parents=("${@:1:$#-1}")
    "$cli" "${parents[@]}" --help 2>/dev/null | grep -Eq "^  $name( |\$)"
}

create_demo_ledger() {
    if ! has_command demo; then
        echo "error: this build of asicledger has no 'demo' command yet, so the demo ledger" >&2
        echo "cannot be created. Create a ledger by hand instead: $cli --db FILE init --admin NAME" >&2
        exit 1
    fi
    echo "==> Creating the demo ledger at $ledger"
    mkdir -p "$(dirname "$ledger")"
    if ! ASICLEDGER_PASSWORD="$admin_password" "$cli" --db "$ledger" init --admin admin ||
        ! ASICLEDGER_USER=admin ASICLEDGER_PASSWORD="$admin_password" "$cli" --db "$ledger" demo; then
        # Half a demo is no use: take it away so the next run starts again.
        rm -f "$ledger" "$ledger-wal" "$ledger-shm"
        echo "error: the demo ledger could not be created (see above)." >&2
        exit 1
    fi
}

if [[ -e "$ledger" ]]; then
    echo "==> Using the existing ledger $ledger (delete it to start again from a fresh demo)"
    echo
    echo "Demo users (user, role, password):"
    printf '  %s\n' "${demo_users[@]}"
    echo "(the administrator's is the ASICLEDGER_PASSWORD given when the ledger was created)"
else
    create_demo_ledger
    echo "The administrator admin signs in with: $admin_password"
fi
echo

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]] && [[ -x "$gui" ]]; then
    echo "==> Opening $ledger in the desktop application"
    exec "$gui" "$ledger"
fi

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop"
    echo "application was not opened. Instead, here is what a manager sees from the command line."
else
    echo "The desktop application was not built ($gui is missing), so here is what a manager"
    echo "sees from the command line instead."
fi

# A manager reads everything; sign in as the demo's manager.
export ASICLEDGER_DB="$ledger" ASICLEDGER_USER=aigerim ASICLEDGER_PASSWORD=aigerim-demo-pass
today="$(date +%F)"
in_90_days="$(date -d '+90 days' +%F)"

show() {
    echo
    echo "\$ asicledger $*"
    if ! "$cli" "$@"; then
        echo "(that command failed; if this is not the demo ledger, sign in with ASICLEDGER_USER"
        echo " and ASICLEDGER_PASSWORD as one of its users and run it yourself)"
    fi
}

show unlocks --by month
show unlocks --from "$today" --to "$in_90_days" --by site
if has_command liability; then
    show liability
fi
show exit pending

if has_command report; then
    reports="$(dirname "$ledger")/reports"
    mkdir -p "$reports"
    echo
    echo "==> Sample reports for the manager, written to $reports:"
    show report unlocks --output "$reports/unlock-schedule.pdf"
    show report liability --by site --output "$reports/contingent-liability.pdf"
else
    echo
    echo "(This build has no 'report' command, so no sample report was written.)"
fi

echo
echo "Everything else: $cli --help  (the README has a short tour)."
