#!/usr/bin/env bash
# scripts/test.sh: installs the Debian packages that are missing, builds everything in ./build and
# runs the whole test suite with ctest. Exits with ctest's status.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    echo "usage: scripts/test.sh [ctest arguments...]"
    echo "Builds in ./build and runs every test; arguments after -- go to ctest (e.g. -- -R test_demo)."
}

cmake_args=()
ctest_args=()
while (($# > 0)); do
    case "$1" in
    -h | --help)
        usage
        exit 0
        ;;
    # Build options that change how the tests run (a sanitizer build, for one) are parsed here
    # and passed to cmake through cmake_args.
    --)
        shift
        ctest_args+=("$@")
        break
        ;;
    *)
        echo "scripts/test.sh: unknown option '$1'" >&2
        usage >&2
        exit 2
        ;;
    esac
done

ensure_packages
configure_and_build "${cmake_args[@]}"

# The same fixed surroundings everywhere: headless Qt, UTC, a UTF-8 locale that every system has.
export QT_QPA_PLATFORM=offscreen TZ=UTC LC_ALL=C.UTF-8
echo "==> Running the tests"
status=0
ctest --test-dir "$ASICLEDGER_BUILD" --output-on-failure -j"$(nproc)" "${ctest_args[@]}" || status=$?
if ((status == 0)); then
    echo "==> All tests passed."
else
    echo "==> Some tests failed (ctest exit status $status); see the output above." >&2
fi
exit "$status"
