#!/usr/bin/env bash
# scripts/test.sh: installs the Debian packages that are missing, builds everything in ./build and
# runs the whole test suite with ctest. Exits with ctest's status.
# With --sanitize: the same suite built in ./build-sanitize under AddressSanitizer (with leak
# checks) and UBSan, where any finding fails its test.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    echo "usage: scripts/test.sh [--sanitize] [-- ctest arguments...]"
    echo "Builds in ./build and runs every test; arguments after -- go to ctest (e.g. -- -R test_demo)."
    echo "  --sanitize  build in ./build-sanitize with ASan+UBSan and run the suite under them"
}

cmake_args=()
ctest_args=()
sanitize=0
while (($# > 0)); do
    case "$1" in
    -h | --help)
        usage
        exit 0
        ;;
    # Build options that change how the tests run are parsed here and passed to cmake through
    # cmake_args.
    --sanitize)
        sanitize=1
        cmake_args+=(-DASICLEDGER_SANITIZE=ON)
        shift
        ;;
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

if ((sanitize)); then
    # Its own build directory: a sanitized build cannot share object files with the plain one.
    ASICLEDGER_BUILD="$ASICLEDGER_ROOT/build-sanitize"
    # Set before the build too: test discovery runs the test programs. Leaks are checked, with
    # suppressions only for libraries outside the project (the file says which and why); any
    # undefined behaviour stops the program, which fails its test.
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
    export LSAN_OPTIONS="suppressions=$ASICLEDGER_ROOT/scripts/sanitizers/lsan.supp:print_suppressions=0"
    # Under ASan an import runs several times slower: the killed import is 20,000 units here
    # (the plain run kills a 100,000-unit one), so both suites fit in CI's 90 minutes.
    export ASICLEDGER_CRASH_UNITS=20000
fi

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
