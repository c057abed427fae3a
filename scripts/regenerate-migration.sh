#!/usr/bin/env bash
# Adds an EF Core migration (name as $1) and regenerates the idempotent SQL script in db/.
# With no name, only the script is regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
if [[ $# -ge 1 ]]; then
  dotnet ef migrations add "$1" --project src/CpsSupport --startup-project src/CpsSupport --output-dir Data/Migrations
fi
dotnet ef migrations script --idempotent --project src/CpsSupport --startup-project src/CpsSupport --output db/schema.sql
echo "db/schema.sql regenerated"
