#!/usr/bin/env bash
# Records every new public symbol of the shipped packages in their PublicAPI.Unshipped.txt
# (PublicApiAnalyzers' RS0016 code fix), so a change to the public surface shows in review.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity warn
done
