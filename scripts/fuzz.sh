#!/usr/bin/env bash
# scripts/fuzz.sh: fuzzes the parsers that read what people and spreadsheets hand the ledger.
# Installs clang and libFuzzer when missing, builds the targets of fuzz/ in ./build-fuzz with
# -fsanitize=fuzzer,address,undefined, runs each for a bounded time from its seed corpus
# (fuzz/corpora.txt) and prints executions and time per target. Exits non-zero if any target
# crashed; the crashing input is kept in build-fuzz/crashes/ (see fuzz/README.md for what to do).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FUZZ_BUILD="$ASICLEDGER_ROOT/build-fuzz"
ALL_TARGETS=(csv_reader import_rows crypto_import sighting_list date serial decimal)

usage() {
    echo "usage: scripts/fuzz.sh [--seconds N] [target...]"
    echo "Fuzzes each target (default: all of ${ALL_TARGETS[*]}) for N seconds (default 60)."
}

seconds=60
targets=()
while (($# > 0)); do
    case "$1" in
    -h | --help)
        usage
        exit 0
        ;;
    --seconds)
        if (($# < 2)) || [[ ! "$2" =~ ^[1-9][0-9]*$ ]]; then
            echo "scripts/fuzz.sh: --seconds needs a whole number of seconds" >&2
            exit 2
        fi
        seconds="$2"
        shift 2
        ;;
    -*)
        echo "scripts/fuzz.sh: unknown option '$1'" >&2
        usage >&2
        exit 2
        ;;
    *)
        if [[ " ${ALL_TARGETS[*]} " != *" $1 "* ]]; then
            echo "scripts/fuzz.sh: no fuzz target '$1' (there are: ${ALL_TARGETS[*]})" >&2
            exit 2
        fi
        targets+=("$1")
        shift
        ;;
    esac
done
((${#targets[@]} > 0)) || targets=("${ALL_TARGETS[@]}")

ensure_packages
ensure_packages "${ASICLEDGER_FUZZ_PACKAGES[@]}"

echo "==> Building the fuzz targets in $FUZZ_BUILD"
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$ASICLEDGER_ROOT" -B "$FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" -DASICLEDGER_FUZZ=ON \
    -DASICLEDGER_BUILD_GUI=OFF -DASICLEDGER_BUILD_TESTS=OFF
ninja -C "$FUZZ_BUILD" -j "$(nproc)" "${targets[@]/#/fuzz_}"

# A working corpus per target: the seeds (copied, so that the checkout stays as it is) plus what
# earlier runs found.
seed_corpus() {
    local target="$1" corpus="$2" name places place file
    mkdir -p "$corpus"
    while read -r name places; do
        [[ "$name" == "$target" ]] || continue
        for place in $places; do
            [[ -e "$ASICLEDGER_ROOT/$place" ]] || continue
            while IFS= read -r -d '' file; do
                cp "$file" "$corpus/seed-$(sha1sum <"$file" | cut -c1-40)"
            done < <(find "$ASICLEDGER_ROOT/$place" -type f -print0)
        done
    done < <(grep -v '^#' "$ASICLEDGER_ROOT/fuzz/corpora.txt")
}

export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$FUZZ_BUILD/crashes" "$FUZZ_BUILD/logs"
crashed=()
summary=()
for target in "${targets[@]}"; do
    # fuzz/CMakeLists.txt builds the targets in the fuzz/ subdirectory of the build tree.
    fuzzer="$FUZZ_BUILD/fuzz/fuzz_$target"
    if [[ ! -x "$fuzzer" ]]; then
        echo "scripts/fuzz.sh: the build left no $fuzzer; see the build output above" >&2
        exit 1
    fi
    corpus="$FUZZ_BUILD/corpus/$target"
    log="$FUZZ_BUILD/logs/$target.log"
    seed_corpus "$target" "$corpus"
    echo "==> Fuzzing $target for $seconds s (log: $log)"
    start=$(date +%s)
    status=0
    # Inputs up to 16 KiB: every code path of a row or a cell fits, and runs stay fast.
    "$fuzzer" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$FUZZ_BUILD/crashes/$target-" "$corpus" >"$log" 2>&1 || status=$?
    elapsed=$(($(date +%s) - start))
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    line="$(printf '%-14s %12s executions in %4d s' "$target" "${runs:-?}" "$elapsed")"
    if ((status != 0)); then
        crashed+=("$target")
        line+="  CRASHED (exit $status): $(grep -m1 -E 'ERROR|runtime error|invariant broken' "$log" || true)"
        grep -h 'Test unit written to' "$log" >&2 || true
    fi
    echo "$line"
    summary+=("$line")
done

echo "==> Fuzzing summary"
printf '%s\n' "${summary[@]}"
if ((${#crashed[@]} > 0)); then
    echo "==> Crashes in: ${crashed[*]}. Each crashing input is in $FUZZ_BUILD/crashes/;" \
        "reproduce with build-fuzz/fuzz_<target> <file>." >&2
    exit 1
fi
echo "==> No crashes."
