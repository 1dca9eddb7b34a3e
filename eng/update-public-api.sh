#!/usr/bin/env bash
# Records every new public symbol of the shipped packages in their PublicAPI.Unshipped.txt, so that a change
# to the public surface shows in review. PublicApiAnalyzers (RS0016) names each undeclared symbol in its
# message; this builds, collects those names and appends them to the project's file, sorted.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
for project in "${@:-src/*/*.csproj}"; do
  for p in $project; do
    dotnet build "$p" -p:TargetFramework=net10.0 --no-incremental 2>&1 > "$log" || true
    dir=$(dirname "$p")
    file="$dir/PublicAPI.Unshipped.txt"
    sed -n "s|^$PWD/$dir/.*error RS0016: Symbol '\(.*\)' is not part of the declared public API.*|\1|p" "$log" | sort -u > "$log.new"
    if [ -s "$log.new" ]; then
      { tail -n +2 "$file"; cat "$log.new"; } | sort -u > "$log.all"
      { echo '#nullable enable'; cat "$log.all"; } > "$file"
      echo "$file: $(wc -l < "$log.new") symbol(s) recorded"
    fi
  done
done
rm -f "$log" "$log.new" "$log.all"
