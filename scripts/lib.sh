# shellcheck shell=bash
# Shared by scripts/run.sh and scripts/test.sh: the Debian packages the project needs (installed
# when missing, so a fresh machine needs nothing else) and the build. Sourced, not run.

ASICLEDGER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ASICLEDGER_BUILD="$ASICLEDGER_ROOT/build"

# Every Debian package the build, the tests and the demo need: the one list. Add new ones here.
ASICLEDGER_PACKAGES=(
    cmake ninja-build g++ pkg-config
    libsqlitecpp-dev libsqlite3-dev sqlite3
    libboost-date-time-dev libboost-dev
    libfmt-dev libcli11-dev nlohmann-json3-dev
    libsodium-dev libcsv-dev libssl-dev
    libgtest-dev libgmock-dev
    qt6-base-dev
    libpango1.0-dev libcairo2-dev fonts-dejavu-core poppler-utils
    xvfb xauth
    clang-format
)

# Only scripts/fuzz.sh needs these: clang and its libFuzzer runtime.
# shellcheck disable=SC2034 # read by scripts/fuzz.sh
ASICLEDGER_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

# Prints the packages of the list (the arguments, else ASICLEDGER_PACKAGES) that are not
# installed, one a line.
missing_packages() {
    local package status
    (($# > 0)) || set -- "${ASICLEDGER_PACKAGES[@]}"
    for package in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
        [[ "$status" == *"ok installed"* ]] || printf '%s\n' "$package"
    done
}

# Installs the missing packages (of the arguments, else of ASICLEDGER_PACKAGES) with apt-get:
# directly as root, else through sudo. Without either, prints the exact command to run and exits
# non-zero.
ensure_packages() {
    (($# > 0)) || set -- "${ASICLEDGER_PACKAGES[@]}"
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "error: dpkg-query not found: these scripts install packages on Debian (12 or later)." >&2
        echo "On another system, install the equivalents of: $*" >&2
        exit 1
    fi
    local missing=()
    mapfile -t missing < <(missing_packages "$@")
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    local install="apt-get install -y --no-install-recommends ${missing[*]}"
    local as=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            as=(sudo)
        else
            echo "error: these Debian packages are missing: ${missing[*]}" >&2
            echo "This user is not root and sudo is not available. As root, run:" >&2
            echo "  apt-get update && DEBIAN_FRONTEND=noninteractive $install" >&2
            exit 1
        fi
    fi
    echo "==> Installing missing Debian packages: ${missing[*]}"
    "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    # shellcheck disable=SC2086 # the package names are words
    "${as[@]}" env DEBIAN_FRONTEND=noninteractive $install
}

# Configures and builds everything in ./build with Ninja: the desktop application and the tests
# too, whatever an earlier hand-made configure left in the cache. Extra arguments go to cmake.
configure_and_build() {
    local jobs
    jobs="$(nproc)"
    echo "==> Building in $ASICLEDGER_BUILD with $jobs jobs"
    cmake -S "$ASICLEDGER_ROOT" -B "$ASICLEDGER_BUILD" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASICLEDGER_BUILD_GUI=ON -DASICLEDGER_BUILD_TESTS=ON "$@"
    ninja -C "$ASICLEDGER_BUILD" -j "$jobs"
}
