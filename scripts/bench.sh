#!/usr/bin/env bash
# scripts/bench.sh: the fleet-scale benchmarks of issue 7, side by side with their references, in
# one table. Installs missing packages, builds the benchmark programs in ./build-bench, generates
# (or reuses from bench/.cache) the ledger of N units, runs every measurement and prints the
# table: measurement, asicledger's time, the reference's time, their ratio, the target, pass/miss.
# Exits non-zero if a benchmark program fails or prints no figure (a missed target is not a
# failure: it is what the table is for).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    cat <<'EOF'
usage: scripts/bench.sh [--units N] [--history full|light] [--bin-dir DIR] [--no-build]
  --units N      fleet size of the generated ledger (default 1000000); the import benchmark's
                 shipment is a tenth of it, at most 100000 units
  --history H    full (default): about five unit events a unit; light: about 1.5, a big ledger
                 made several times faster (see bench/BenchSetup.hpp)
  --bin-dir DIR  where the benchmark programs were built (default ./build-bench/bench)
  --no-build     use the programs in --bin-dir as they are (the ctest smoke run does)
The ledger and the shipment CSV are cached in $ASICLEDGER_BENCH_CACHE, else bench/.cache.
EOF
}

units=1000000
history=full
bench_build="$ASICLEDGER_ROOT/build-bench"
bin_dir="$bench_build/bench"
build=1
while (($# > 0)); do
    case "$1" in
    --units)
        units="${2:?--units needs a number}"
        shift 2
        ;;
    --history)
        history="${2:?--history needs full or light}"
        shift 2
        ;;
    --bin-dir)
        bin_dir="${2:?--bin-dir needs a directory}"
        shift 2
        ;;
    --no-build)
        build=0
        shift
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        echo "scripts/bench.sh: unknown option '$1'" >&2
        usage >&2
        exit 2
        ;;
    esac
done

if ((build)); then
    ensure_packages
    # Its own build tree: only the benchmark programs and what they link, without the test suite,
    # and without reconfiguring ./build under scripts/test.sh's feet.
    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    echo "==> Building the benchmarks in $bench_build"
    cmake -S "$ASICLEDGER_ROOT" -B "$bench_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DASICLEDGER_BUILD_BENCH=ON -DASICLEDGER_BUILD_TESTS=OFF -DASICLEDGER_BUILD_GUI=ON \
        "${launcher[@]}" >/dev/null
    ninja -C "$bench_build" -j "$(nproc)" asicledger-bench-ledger asicledger-bench \
        asicledger-bench-gui
fi
for tool in sqlite3 sha256sum; do
    command -v "$tool" >/dev/null || {
        echo "scripts/bench.sh: $tool is missing (it is in scripts/lib.sh's package list)" >&2
        exit 1
    }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()

# Milliseconds since the epoch, with a fraction.
now_ms() { echo "$(($(date +%s%N) / 1000))" | awk '{ printf "%.3f", $1 / 1000 }'; }
# Runs a benchmark program, keeping its output in $work/NAME.log and echoing it.
run() {
    local name="$1"
    shift
    echo "==> $name: $*"
    if "$@" >"$work/$name.log" 2>&1; then
        sed 's/^/    /' "$work/$name.log"
    else
        sed 's/^/    /' "$work/$name.log"
        echo "    FAILED (exit status $?)" >&2
        failed+=("$name")
    fi
    grep -q '^FIGURE ' "$work/$name.log" || { [[ " ${failed[*]} " == *" $name "* ]] || failed+=("$name (no figures)"); }
}
# The value of a FIGURE line of a program's log, or empty.
fig() {
    [[ -f "$work/$1.log" ]] || return 0
    awk -v n="$2" '$1 == "FIGURE" && $2 == n { v = $3 } END { print v }' "$work/$1.log"
}

echo "==> Machine"
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
ram="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "    $(nproc) CPUs, $cpu, $ram RAM, load average $load_start"

echo "==> Ledger of $units units ($history history)"
"$bin_dir/asicledger-bench-ledger" --units "$units" --history "$history" | tee "$work/generate.log" | sed 's/^/    /'
ledger="$(awk '/^ledger: / { v = $2 } END { print v }' "$work/generate.log")"
csv="$(awk '/^csv: / { v = $2 } END { print v }' "$work/generate.log")"
[[ -f "$ledger" && -f "$csv" ]] || { echo "scripts/bench.sh: the generator left no ledger or CSV" >&2; exit 1; }
# Read both once so every measurement starts from the same warm page cache.
cat "$ledger" "$csv" >/dev/null

# 1. Import, and its storage floor: the sqlite3 shell's .import of the same file into a bare
# table with a UNIQUE index on serial, with the ledger's own journal settings (WAL, synchronous
# NORMAL). Timed as the whole sqlite3 process minus an empty sqlite3 run's startup.
run import "$bin_dir/asicledger-bench" import --ledger "$ledger" --csv "$csv"
floor="$work/floor.db"
sqlite3 "$floor" "PRAGMA journal_mode = WAL;" >/dev/null
sqlite3 "$floor" "CREATE TABLE shipment_row(serial TEXT, manufacturer TEXT, model TEXT,
    hashrate_ths TEXT, power_w TEXT, customs_value TEXT, currency TEXT, fx_rate TEXT,
    legal_owner TEXT, beneficial_owner TEXT, site TEXT, exemption_start TEXT, declaration_no TEXT,
    declaration_date TEXT, route TEXT, dispatch_date TEXT, arrival_date TEXT);
    CREATE UNIQUE INDEX shipment_row_by_serial ON shipment_row(serial);"
t0="$(now_ms)"
sqlite3 "$floor" "SELECT 1" >/dev/null
startup="$(awk -v a="$t0" -v b="$(now_ms)" 'BEGIN { print b - a }')"
t0="$(now_ms)"
sqlite3 -cmd "PRAGMA synchronous = NORMAL" -cmd ".mode csv" "$floor" ".import --skip 1 $csv shipment_row"
ref_import="$(awk -v a="$t0" -v b="$(now_ms)" -v s="$startup" 'BEGIN { print b - a - s }')"
imported="$(fig import import_units)"
[[ "$(sqlite3 "$floor" "SELECT count(*) FROM shipment_row")" == "${imported%.*}" ]] ||
    echo "    warning: sqlite3 imported a different number of rows than asicledger" >&2

# 2. The unlock schedule, and the same schedule counted from the units themselves (months and
# sites, the GROUP BY core/UnlockSchedule.cpp ran before schema 005's tally) in the sqlite3 shell:
# both warm, both the median of 10 runs after a first one; the shell's own `.timer on` wall time
# per statement, so no process start is counted. (verify, below, proves the tally equals it.)
run schedule "$bin_dir/asicledger-bench" schedule --ledger "$ledger"
from="$(awk '/^unlock schedule/ { print $3 }' "$work/schedule.log")"
to="$(awk '/^unlock schedule/ { print $5 }' "$work/schedule.log")"
query="SELECT substr(u.unlock_date, 1, 7) AS month, s.name AS grp, count(*),
    sum(u.customs_value_tiyn), sum(u.vat_exempted_tiyn) FROM unit u JOIN site s ON s.id = u.site_id
    WHERE u.unlock_date BETWEEN '$from' AND '$to' AND u.status <> 'exported'
    AND u.released_on IS NULL GROUP BY month, grp ORDER BY month, grp;"
{
    echo ".timer on"
    echo ".output /dev/null"
    for _ in $(seq 11); do echo "$query"; done
} | sqlite3 "$ledger" >"$work/groupby.log" 2>&1 || true
ref_schedule="$(awk '/^Run Time: real/ { n++; if (n > 1) print $4 * 1000 }' "$work/groupby.log" |
    sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int(NR / 2) + 1] }')"

# 3. Refusing the sale of one locked unit: no reference, an absolute target.
run refusal "$bin_dir/asicledger-bench" refusal --ledger "$ledger"

# 4. The inspection report of the big site, as CSV and as PDF.
run inspection "$bin_dir/asicledger-bench" inspection --ledger "$ledger" --out "$work/reports"

# 6. The desktop application's units page, offscreen (before verify, the longest).
gui_skipped=""
if [[ -x "$bin_dir/asicledger-bench-gui" ]]; then
    QT_QPA_PLATFORM=offscreen run gui "$bin_dir/asicledger-bench-gui" --ledger "$ledger"
else
    gui_skipped="skipped: built without ASICLEDGER_BUILD_GUI"
fi
# 5. Verify, and sha256sum over exactly the bytes verify hashes (each journal entry's fields with
# their length prefixes, as core/Journal.cpp feeds SHA-256), warm in the page cache.
run verify "$bin_dir/asicledger-bench" verify --ledger "$ledger" --hash-bytes "$work/journal.bytes"
ref_verify=""
if [[ -f "$work/journal.bytes" ]]; then
    sha256sum "$work/journal.bytes" >/dev/null
    t0="$(now_ms)"
    sha256sum "$work/journal.bytes" >/dev/null
    ref_verify="$(awk -v a="$t0" -v b="$(now_ms)" 'BEGIN { print b - a }')"
fi

load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

# The table.
row() { printf '%-44s %12s %12s %8s  %-26s %s\n' "$@"; }
# A time in milliseconds as the table shows it, "-" when there is none.
ms() {
    if [[ -z "$1" ]]; then echo "-"; else awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.3f ms" : "%.0f ms"), v }'; fi
}
ratio() {
    if [[ -z "$1" || -z "$2" ]]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; fi
}
# 1 when $1 <= $2, 0 when not, empty when either is missing.
le() {
    if [[ -z "$1" || -z "$2" || "$1" == "-" || "$2" == "-" ]]; then echo ""; else awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? 1 : 0 }'; fi
}
both() {
    if [[ -z "$1" || -z "$2" ]]; then echo ""; else echo $(($1 && $2)); fi
}
verdict() {
    if [[ -z "$1" ]]; then echo "n/a"; elif (($1)); then echo "pass"; else echo "MISS"; fi
}

imp="$(fig import import_ms)"
sch="$(fig schedule schedule_ms)"
ref_ms="$(fig refusal refusal_ms)"
icsv="$(fig inspection inspection_csv_ms)"
ipdf="$(fig inspection inspection_pdf_ms)"
isites="$(fig inspection inspection_units)"
ver="$(fig verify verify_ms)"
entries="$(fig verify verify_entries)"
events="$(fig verify verify_events)"
# 5 s per million journal entries; the generator batches many unit events into one entry, so
# the budget is counted on whichever is larger: entries or unit history events.
budget="$(awk -v e="${entries:-0}" -v h="${events:-0}" 'BEGIN { n = (e > h ? e : h); printf "%.0f", 5000 * n / 1e6 }')"
gfirst="$(fig gui gui_first_page_ms)"
gfilter="$(fig gui gui_filter_ms)"
grss="$(fig gui gui_peak_rss_mb)"

echo
echo "asicledger benchmarks, fleet of $units units, $history history ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo "machine: $(nproc) CPUs, $cpu, $ram RAM; load average $load_start at the start, $load_end at the end"
row "measurement" "asicledger" "reference" "ratio" "target" "result"
row "1. import $(fig import import_units | cut -d. -f1)-unit CSV into the ledger" "$(ms "$imp")" "$(ms "$ref_import")" \
    "$(ratio "$imp" "$ref_import")" "<= 1.5x sqlite3 .import" \
    "$(verdict "$(le "$(ratio "$imp" "$ref_import")" 1.5)")"
row "2. unlock schedule, 24 months by site" "$(ms "$sch")" "$(ms "$ref_schedule")" \
    "$(ratio "$sch" "$ref_schedule")" "<= 50 ms, <= 1.2x GROUP BY" \
    "$(verdict "$(both "$(le "$sch" 50)" "$(le "$(ratio "$sch" "$ref_schedule")" 1.2)")")"
row "3. refuse the sale of a locked unit (avg)" "$(ms "$ref_ms")" "-" "-" "<= 1 ms" "$(verdict "$(le "$ref_ms" 1)")"
row "4. inspection report, ${isites%.*} units, CSV" "$(ms "$icsv")" "-" "-" "<= 1 s" "$(verdict "$(le "$icsv" 1000)")"
row "4. inspection report, ${isites%.*} units, PDF" "$(ms "$ipdf")" "-" "-" "<= 10 s" "$(verdict "$(le "$ipdf" 10000)")"
row "5. verify (${entries%.*} entries, ${events%.*} unit events)" "$(ms "$ver")" "$(ms "$ref_verify")" \
    "$(ratio "$ver" "$ref_verify")" "<= 5 s/M ($budget ms), <= 2x" \
    "$(verdict "$(both "$(le "$ver" "$budget")" "$(le "$(ratio "$ver" "$ref_verify")" 2)")")"
if [[ -n "$gui_skipped" ]]; then
    row "6. GUI" "-" "-" "-" "-" "$gui_skipped"
else
    row "6. GUI: first page of units shown" "$(ms "$gfirst")" "-" "-" "<= 1 s" "$(verdict "$(le "$gfirst" 1000)")"
    row "6. GUI: serial-prefix filter" "$(ms "$gfilter")" "-" "-" "<= 100 ms" "$(verdict "$(le "$gfilter" 100)")"
    row "6. GUI: peak RSS" "${grss:+${grss%.*} MB}" "-" "-" "<= 200 MB" "$(verdict "$(le "$grss" 200)")"
fi
echo "references: 1. sqlite3 .import into a bare table with a UNIQUE index on serial (WAL,"
echo "synchronous NORMAL; process time minus startup); 2. the same GROUP BY in the sqlite3 shell"
echo "(.timer on, median of 10 warm runs, like asicledger's); 5. sha256sum over the bytes verify hashes."

if ((${#failed[@]} > 0)); then
    echo "scripts/bench.sh: these benchmarks failed: ${failed[*]}" >&2
    exit 1
fi
