# The ledger every golden case starts from (see README.md). Runs once, in a directory holding the
# files of data/, with the golden environment; every command must succeed.
set -e
asicledger init --admin admin
export ASICLEDGER_USER=admin ASICLEDGER_NEW_PASSWORD="$ASICLEDGER_PASSWORD"
for person in finance:finance finance2:finance auditor:auditor manager:manager manager2:manager; do
    asicledger user add "${person%%:*}" --role "${person##*:}"
done
asicledger entity add --name "Kazakh Hash LLP" --kind domestic --jurisdiction KZ --bin 180340021234
asicledger entity add --name "Altyn Mining LLP" --kind domestic --jurisdiction KZ --bin 190540017777
asicledger entity add --name "Pacific Hash Pte Ltd" --kind overseas --jurisdiction SG
asicledger entity add --name "Harbour Digital Ltd" --kind overseas --jurisdiction HK
asicledger site add --name Ekibastuz-1 --region Pavlodar --operator "Kazakh Hash LLP"
asicledger site add --name Karagandy-2 --region Karagandy --operator "Altyn Mining LLP"
ASICLEDGER_USER=finance asicledger import shipment.csv
