#!/usr/bin/env bash
# Runs CpsSupport at http://localhost:5080 with demo data: a private PostgreSQL cluster under .local/
# is started by the application when no connection string is configured.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-packages.sh
ensure_packages 'postgresql:/usr/lib/postgresql/*/bin/initdb'
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/CpsSupport.Web -c Release --no-launch-profile
