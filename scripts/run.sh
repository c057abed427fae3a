#!/usr/bin/env bash
# Runs CpsSupport at http://localhost:5080 with demo data: a private PostgreSQL cluster under .local/
# is started by the application when no connection string is configured.
# In Development it also starts the card-reading module with its simulated reader on http://127.0.0.1:5090
# (CARD_READER=0 to skip it), whose test authority the application trusts; both stop together.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-packages.sh
ensure_packages 'postgresql:/usr/lib/postgresql/*/bin/initdb'
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# Incoming mail in development: .eml files dropped in .local/mail/inbox become tickets (Mail:Source=Folder); two demo
# messages are put there on the first run.
mkdir -p .local/mail/inbox .local/mail/processed
if [[ ! -e .local/mail/.demo-done ]]; then
  cp tests/CpsSupport.Tests/Features/Mail/Corpus/05-multipart-alternative.eml .local/mail/inbox/demo-1.eml
  cp tests/CpsSupport.Tests/Features/Mail/Corpus/01-latin1-quoted-printable.eml .local/mail/inbox/demo-2.eml
  cp tests/CpsSupport.Tests/Features/Mail/Corpus/28-identifiers.eml .local/mail/inbox/demo-3.eml
  touch .local/mail/.demo-done
fi
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

reader_pid=""
if [[ "$ASPNETCORE_ENVIRONMENT" == "Development" && "${CARD_READER:-1}" != "0" ]]; then
    mkdir -p .local
    ca="$PWD/.local/simulator-ca.pem"
    token_file=.local/card-reader-pairing-token
    [[ -s "$token_file" ]] || od -An -tx1 -N16 /dev/urandom | tr -d ' \n' > "$token_file"
    token=$(cat "$token_file")
    dotnet build src/CpsSupport.CardReader -c Release -v q -nologo
    # The module binds 127.0.0.1 itself; the app's ASPNETCORE_URLS must not leak into it.
    ASPNETCORE_URLS= dotnet run --project src/CpsSupport.CardReader -c Release --no-build --no-launch-profile -- \
        --CardReader:UseSimulator=true --CardReader:AllowedOrigin="${ASPNETCORE_URLS%%;*}" \
        --CardReader:PairingToken="$token" --CardReader:SimulatorCaExportPath="$ca" &
    reader_pid=$!
    trap 'kill "$reader_pid" 2>/dev/null || true' EXIT INT TERM
    export CardVerification__TrustAnchorFiles__0="$ca"
    echo "Lecteur simulé : http://127.0.0.1:5090 — jeton d'appairage (« Appairer le lecteur ») : $token"
fi

dotnet run --project src/CpsSupport.Web -c Release --no-launch-profile
