#!/usr/bin/env python3
"""Writes the hostile-input corpus of tests/data/bad/ and its MANIFEST.tsv.

The files are committed; this script says how each was made (several hold bytes an editor would
mangle: NUL, invalid UTF-8, UTF-16, CR-only line ends). Run it from anywhere to regenerate them.
Files named generated/... are too large to commit (a 10 MB line): HostileInputTest writes them at
test time; the manifest still lists them so every case is in one place.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SHIP_HEADER = ("serial,manufacturer,model,hashrate_ths,power_w,customs_value,currency,fx_rate,"
               "legal_owner,beneficial_owner,site,exemption_start,declaration_no,declaration_date,"
               "route,dispatch_date,arrival_date")
SHIP_COLUMNS = SHIP_HEADER.split(",")
SHIP_GOOD = {
    "serial": "NEW-0001", "manufacturer": "Bitmain", "model": "Antminer S21", "hashrate_ths": "200",
    "power_w": "3500", "customs_value": "2100000.00", "currency": "KZT", "fx_rate": "",
    "legal_owner": "Kazakh Hash LLP", "beneficial_owner": "", "site": "Ekibastuz-1",
    "exemption_start": "2026-05-20", "declaration_no": "50109010/200526/0000900",
    "declaration_date": "2026-05-20", "route": "rail", "dispatch_date": "2026-05-01",
    "arrival_date": "2026-05-18",
}


def ship_row(n, **changes):
    values = dict(SHIP_GOOD, serial=f"NEW-{n:04d}")
    values.update(changes)
    return ",".join(values[c] for c in SHIP_COLUMNS)


def ship(*rows, header=SHIP_HEADER, end="\n"):
    return (end.join([header, *rows]) + end).encode()


cases = []  # (file, command, line, fragment, bytes)


def case(name, command, line, fragment, data):
    cases.append((name, command, line, fragment, data))


# --- asicledger import FILE (shipment spreadsheets) ---------------------------------------------
I = "import"
case("import-empty.csv", I, 1, "the file is empty", b"")
case("import-header-only.csv", I, 1, "header but no units", ship())
case("import-blank-lines-only.csv", I, 1, "the file is empty", b"\n\n ,,\n\n")
case("import-unclosed-quote.csv", I, 3, "never closed",
     ship(ship_row(1), '"' + ship_row(2), ship_row(3)))
case("import-stray-quote.csv", I, 3, "quote is out of place",
     ship(ship_row(1), ship_row(2, manufacturer='Bit"main'), ship_row(3)))
case("import-quote-after-cell.csv", I, 2, "quote is out of place",
     ship(ship_row(1, model='"Antminer" S21')))
case("import-too-few-cells.csv", I, 3, "cells but the header has",
     ship(ship_row(1), ",".join(ship_row(2).split(",")[:10])))
case("import-too-many-cells.csv", I, 2, "cells but the header has",
     ship(ship_row(1) + ",extra,cells"))
case("import-semicolon-rows.csv", I, 2, "cells but the header has",
     ship(ship_row(1).replace(",", ";")))
case("import-nul-byte.csv", I, 3, "NUL byte",
     ship(ship_row(1), ship_row(2, model="Antminer\0S21")))
case("import-windows-1251.csv", I, 2, "not UTF-8",
     ship(ship_row(1)).replace(b"Kazakh Hash LLP", "ТОО Казах".encode("cp1251")))
case("import-truncated-utf8.csv", I, 3, "not UTF-8",
     ship(ship_row(1), ship_row(2)).replace(b"NEW-0002", b"NEW-0002\xd0"))
case("import-utf16le-bom.csv", I, 1, "UTF-16",
     b"\xff\xfe" + ship(ship_row(1)).decode().encode("utf-16-le"))
case("import-utf16be-bom.csv", I, 1, "UTF-16",
     b"\xfe\xff" + ship(ship_row(1)).decode().encode("utf-16-be"))
case("import-utf16le-no-bom.csv", I, 1, "NUL byte", ship(ship_row(1)).decode().encode("utf-16-le"))
case("import-formula-hyperlink.csv", I, 2, "spreadsheet",
     ship('NEW-0001,Bitmain,"=HYPERLINK(""http://x"",""click"")",200,3500,2100000.00,KZT,,'
          "Kazakh Hash LLP,,Ekibastuz-1,2026-05-20,50109010/200526/0000900,2026-05-20,rail,"
          "2026-05-01,2026-05-18"))
case("import-formula-plus.csv", I, 2, "spreadsheet",
     ship(ship_row(1, manufacturer="+cmd|' /C calc'!A0")))
case("import-formula-minus.csv", I, 3, "spreadsheet",
     ship(ship_row(1), ship_row(2, model="-2+3")))
case("import-formula-at.csv", I, 2, "spreadsheet", ship(ship_row(1, model="@SUM(1+1)")))
case("import-formula-tab.csv", I, 2, "spreadsheet", ship(ship_row(1, model="\t=1+1")))
case("import-duplicate-header.csv", I, 1, "serial",
     ship(ship_row(1) + ",NEW-9999", header=SHIP_HEADER + ",Serial"))
case("import-misspelt-header.csv", I, 1, "serial",
     ship(ship_row(1), header=SHIP_HEADER.replace("serial,", "serail,", 1)))
case("import-missing-site-column.csv", I, 1, "site",
     ship(",".join(v for c, v in zip(SHIP_COLUMNS, ship_row(1).split(",")) if c != "site"),
          header=",".join(c for c in SHIP_COLUMNS if c != "site")))
case("import-date-31-02.csv", I, 2, "not a calendar date",
     ship(ship_row(1, exemption_start="31.02.2024")))
case("import-date-29-02-2023.csv", I, 3, "not a calendar date",
     ship(ship_row(1), ship_row(2, declaration_date="2023-02-29")))
case("import-date-month-13.csv", I, 2, "not a calendar date",
     ship(ship_row(1, dispatch_date="2026-13-01")))
case("import-date-words.csv", I, 2, "arrival",
     ship(ship_row(1, arrival_date="yesterday")))
case("import-power-past-int64.csv", I, 2, "power",
     ship(ship_row(1, power_w="99999999999999999999")))
case("import-value-past-int64.csv", I, 2, "customs",
     ship(ship_row(1, customs_value="92233720368547758.08")))
case("import-value-three-decimals.csv", I, 2, "customs",
     ship(ship_row(1, customs_value="2100000.005")))
case("import-value-negative.csv", I, 2, "negative", ship(ship_row(1, customs_value="-5.00")))
case("import-hashrate-nan.csv", I, 2, "hashrate", ship(ship_row(1, hashrate_ths="NaN")))
case("import-hashrate-exponent.csv", I, 2, "hashrate", ship(ship_row(1, hashrate_ths="1e400")))
case("import-usd-without-rate.csv", I, 2, "fx_rate", ship(ship_row(1, currency="USD")))
case("import-unknown-currency.csv", I, 2, "currency", ship(ship_row(1, currency="XBT")))
case("import-sql-owner.csv", I, 2, "legal owner",
     ship(ship_row(1, legal_owner="'; DROP TABLE unit; --")))
case("import-sql-serial.csv", I, 2, "serial",
     ship(ship_row(1, serial="X'); DROP TABLE unit;--")))
case("import-cr-only.csv", I, 3, "route",
     ship(ship_row(1), ship_row(2, route="ship"), ship_row(3), end="\r"))
case("import-bom-mid-file.csv", I, 3, "serial",
     ship(ship_row(1), "\ufeff" + ship_row(2)))
case("import-long-serial.csv", I, 2, "characters long", ship(ship_row(1, serial="A" * 300)))
case("import-escape-in-serial.csv", I, 2, "0x1B", ship(ship_row(1, serial="NEW-\x1b[31m1")))
case("import-newline-in-serial.csv", I, 2, "0x0A",
     ship('"NEW\n0001"' + ship_row(1)[len("NEW-0001"):]))
case("import-duplicate-serial.csv", I, 4, "line 2",
     ship(ship_row(1), ship_row(2), ship_row(3, serial="new-0001")))
case("import-serial-in-ledger.csv", I, 2, "already in the ledger",
     ship(ship_row(1, serial="KH21-0001")))
case("import-term-past-int64.csv", I, 2, "exemption_term_years",
     ship(ship_row(1) + ",99999999999999999999", header=SHIP_HEADER + ",exemption_term_years"))
case("generated/import-10mb-line.csv", I, 2, "characters long", None)

# --- asicledger crypto import KIND FILE -----------------------------------------------------------
MINED = "entity,date,sats,payout_ref,pool"
M = "crypto-mined"
def rows(header, *lines, end="\n"):
    return (end.join([header, *lines]) + end).encode()

case("mined-empty.csv", M, 1, "the file is empty", b"")
case("mined-header-only.csv", M, 1, "header but no rows", rows(MINED))
case("mined-negative-sats.csv", M, 2, "satoshi",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,-100,VB-1,ViaBTC"))
case("mined-fractional-sats.csv", M, 3, "satoshi",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,100,VB-1,ViaBTC",
          "Kazakh Hash LLP,2026-03-01,100.5,VB-2,ViaBTC"))
case("mined-sats-past-int64.csv", M, 2, "satoshi",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,99999999999999999999,VB-1,ViaBTC"))
case("mined-btc-nine-decimals.csv", M, 2, "8 decimals",
     rows("entity,date,btc,payout_ref", "Kazakh Hash LLP,2026-03-01,0.123456789,VB-1"))
case("mined-btc-past-int64.csv", M, 2, "BTC",
     rows("entity,date,btc,payout_ref", "Kazakh Hash LLP,2026-03-01,99999999999,VB-1"))
case("mined-date-31-02.csv", M, 2, "not a date",
     rows(MINED, "Kazakh Hash LLP,31.02.2024,100,VB-1,ViaBTC"))
case("mined-duplicate-header.csv", M, 1, "keep one",
     rows("entity,date,sats,satoshi,payout_ref", "Kazakh Hash LLP,2026-03-01,1,1,VB-1"))
case("mined-missing-ref-column.csv", M, 1, "payout_ref",
     rows("entity,date,sats", "Kazakh Hash LLP,2026-03-01,100"))
case("mined-formula-pool.csv", M, 2, "spreadsheet",
     rows(MINED, 'Kazakh Hash LLP,2026-03-01,100,VB-1,"=HYPERLINK(""http://x"",""click"")"'))
case("mined-formula-ref.csv", M, 2, "spreadsheet",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,100,+cmd|' /C calc'!A0,ViaBTC"))
case("mined-sql-entity.csv", M, 2, "DROP TABLE",
     rows(MINED, "'; DROP TABLE unit; --,2026-03-01,100,VB-1,ViaBTC"))
case("mined-nul-byte.csv", M, 2, "NUL byte",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,100,VB\0-1,ViaBTC"))
case("mined-utf16le.csv", M, 1, "UTF-16",
     b"\xff\xfe" + rows(MINED, "Kazakh Hash LLP,2026-03-01,100,VB-1,ViaBTC").decode()
     .encode("utf-16-le"))
case("mined-too-many-cells.csv", M, 2, "cells but the header has",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,100,VB-1,ViaBTC,500,VB-9"))
case("mined-escape-in-ref.csv", M, 2, "0x1B",
     rows(MINED, "Kazakh Hash LLP,2026-03-01,100,VB-\x1b]0;owned\x07,ViaBTC"))
case("generated/mined-10mb-line.csv", M, 2, "payout_ref", None)

TRANSFER = "from,to,date,sats,txid"
T = "crypto-transfer"
TXID = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
case("transfer-negative-sats.csv", T, 2, "satoshi",
     rows(TRANSFER, f"Kazakh Hash LLP,Pacific Hash Pte Ltd,2026-03-02,-40000000,{TXID}"))
case("transfer-unclosed-quote.csv", T, 2, "never closed",
     rows(TRANSFER, f'"Kazakh Hash LLP,Pacific Hash Pte Ltd,2026-03-02,40000000,{TXID}'))
case("transfer-windows-1251.csv", T, 2, "not UTF-8",
     rows(TRANSFER, f"Kazakh Hash LLP,Pacific Hash Pte Ltd,2026-03-02,40000000,{TXID}")
     .replace(b"Pacific", "Тихий".encode("cp1251")))
case("transfer-too-few-cells.csv", T, 2, "cells but the header has",
     rows(TRANSFER, "Kazakh Hash LLP,Pacific Hash Pte Ltd,2026-03-02,40000000"))
case("transfer-cr-only.csv", T, 3, "txid",
     rows(TRANSFER, f"Kazakh Hash LLP,Pacific Hash Pte Ltd,2026-03-02,1,{TXID}",
          "Kazakh Hash LLP,Pacific Hash Pte Ltd,2026-03-02,1,0x12", end="\r"))

CONVERT = "entity,venue,date,sats,amount,currency,fee"
C = "crypto-convert"
case("convert-amount-three-decimals.csv", C, 2, "decimals",
     rows(CONVERT, "Pacific Hash Pte Ltd,Kraken,2026-03-05,1000,100.001,USD,0"))
case("convert-amount-past-int64.csv", C, 2, "amount",
     rows(CONVERT, "Pacific Hash Pte Ltd,Kraken,2026-03-05,1000,99999999999999999999,USD,0"))
case("convert-unknown-currency.csv", C, 2, "currency",
     rows(CONVERT, "Pacific Hash Pte Ltd,Kraken,2026-03-05,1000,100.00,US$,0"))
case("convert-negative-fee.csv", C, 2, "fee",
     rows(CONVERT, "Pacific Hash Pte Ltd,Kraken,2026-03-05,1000,100.00,USD,-1.00"))

REMIT = "from,to,date,amount,currency,bank_ref"
R = "crypto-remit"
case("remit-date-30-02.csv", R, 2, "not a date",
     rows(REMIT, "Pacific Hash Pte Ltd,Kazakh Hash LLP,2026-02-30,100.00,USD,BR-1"))
case("remit-formula-ref.csv", R, 2, "spreadsheet",
     rows(REMIT, "Pacific Hash Pte Ltd,Kazakh Hash LLP,2026-03-10,100.00,USD,@SUM(A1)"))
case("remit-header-only-crlf.csv", R, 1, "header but no rows", rows(REMIT, end="\r\n"))

# --- asicledger inspection record ... --seen FILE ---------------------------------------------------
S = "inspection"
case("seen-empty.txt", S, 1, "lists no serials", b"")
case("seen-header-only.csv", S, 1, "lists no serials", b"serial,finding\n")
case("seen-nul-byte.txt", S, 2, "NUL byte", b"KH21-0001\nKH21\0-0002\n")
case("seen-utf16le.txt", S, 1, "UTF-16", b"\xff\xfe" + "KH21-0001\n".encode("utf-16-le"))
case("seen-windows-1251.txt", S, 3, "not UTF-8",
     b"KH21-0001\nKH21-0002\n" + "КН21-0003\n".encode("cp1251"))
case("seen-escape-in-serial.txt", S, 2, "0x1B", b"KH21-0001\nKH21-\x1b[2J0002\n")
case("seen-long-serial.txt", S, 1, "characters long", b"B" * 500 + b"\n")
case("seen-duplicate.txt", S, 3, "listed again", b"KH21-0001\nKH21-0002\nkh21-0001\n")
case("seen-unknown-finding.csv", S, 2, "unknown finding", b"serial,finding\nKH21-0001,stolen\n")
case("seen-unclosed-quote.csv", S, 3, "never closed",
     b'serial,finding\nKH21-0001,present\n"KH21-0002,present\n')
case("seen-too-many-cells.csv", S, 1, "cells where two are expected",
     b"KH21-0001,present,extra,cells\n")
case("seen-formula.csv", S, 3, "'='",
     b'serial,finding\nKH21-0001,present\n"=HYPERLINK(""http://x"",""click"")",present\n')
case("seen-sql.txt", S, 1, "3 cells", b"'; DROP TABLE unit; --\n")
case("seen-cr-only.txt", S, 3, "0x1B", b"KH21-0001\rKH21-0002\rKH21-\x1b0003\r")
case("generated/seen-10mb-line.txt", S, 2, "characters long", None)

# --- asicledger sell --serials-file FILE (every unit action takes one) ------------------------------
F = "serials-file"
case("serials-empty.txt", F, 1, "no serials", b"")
case("serials-nul-byte.txt", F, 2, "NUL byte", b"KH21-0001\nKH21-0002\0\n")
case("serials-windows-1251.txt", F, 2, "not UTF-8", b"KH21-0001\n" + "КН21".encode("cp1251") + b"\n")
case("serials-utf16le.txt", F, 1, "UTF-16", b"\xff\xfe" + "KH21-0001\n".encode("utf-16-le"))
case("serials-escape.txt", F, 2, "0x1B", b"KH21-0001\nKH21\x1b[8m-0002\n")
case("serials-duplicate.txt", F, 3, "listed again", b"KH21-0001\n# next\nkh21-0001\n")
case("serials-sql.txt", F, 1, "'''", b"KH21-0001'; DROP TABLE unit; --\n")


def main():
    manifest = ["# file\tcommand\tline\treason fragment (case-sensitive, in stderr)"]
    for name, command, line, fragment, data in cases:
        manifest.append(f"{name}\t{command}\t{line}\t{fragment}")
        if data is None:
            continue
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(data)
    with open(os.path.join(HERE, "MANIFEST.tsv"), "w") as out:
        out.write("\n".join(manifest) + "\n")
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
