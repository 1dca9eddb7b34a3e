#!/usr/bin/env bash
# At a release: moves every package's PublicAPI.Unshipped.txt into its PublicAPI.Shipped.txt (sorted, merged), so the
# released surface is the baseline the next change is reviewed against. Then bump <Version> in Directory.Build.props.
set -euo pipefail
cd "$(dirname "$0")/.."
for unshipped in src/*/PublicAPI.Unshipped.txt; do
  dir=$(dirname "$unshipped")
  shipped="$dir/PublicAPI.Shipped.txt"
  { grep -hv '^#nullable enable$' "$shipped" "$unshipped" | grep -v '^\*REMOVED\*' | grep -v '^$' || true; } | LC_ALL=C sort -u > "$shipped.new"
  # A symbol removed since the last release leaves Shipped too.
  { grep -h '^\*REMOVED\*' "$unshipped" || true; } | sed 's/^\*REMOVED\*//' | while IFS= read -r removed; do
    grep -vxF -- "$removed" "$shipped.new" > "$shipped.tmp" || true
    mv "$shipped.tmp" "$shipped.new"
  done
  { echo '#nullable enable'; cat "$shipped.new"; } > "$shipped"
  rm -f "$shipped.new"
  echo '#nullable enable' > "$unshipped"
  echo "$shipped: $(($(wc -l < "$shipped") - 1)) symbol(s)"
done
