#!/usr/bin/env bash
# "Only what runs ships": fails when a jar of target/lib is used neither by Comptoir's bytecode (jdeps, following
# the libraries it reaches) nor by a reason written in installer/shipped-jars.txt. Run by installer/jpackage.sh,
# so by `mvn -Pinstaller package` and CI; by hand after `mvn package`: installer/check-shipped-jars.sh
set -euo pipefail
cd "$(dirname "$0")/.."
list=installer/shipped-jars.txt
reached=$(jdeps --multi-release 17 -R -summary --ignore-missing-deps --class-path 'target/lib/*' target/comptoir.jar \
  | awk '$2 == "->" && $3 ~ /\.jar$/ {print $3}' | xargs -n1 basename | sort -u)
mapfile -t globs < <(grep -v '^#' "$list" | awk 'NF {print $1}')
unused=()
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  if grep -qxF "$name" <<<"$reached"; then
    continue
  fi
  allowed=no
  for g in "${globs[@]}"; do
    # shellcheck disable=SC2053
    [[ "$name" == $g ]] && allowed=yes && break
  done
  [ "$allowed" = yes ] || unused+=("$name")
done
for g in "${globs[@]}"; do
  matches=no
  for jar in target/lib/*.jar; do
    name=$(basename "$jar")
    # shellcheck disable=SC2053
    if [[ "$name" == $g ]] && ! grep -qxF "$name" <<<"$reached"; then matches=yes; fi
  done
  # a line whose jars are now used (or gone) is harmless: say so, so it gets removed, but do not fail
  [ "$matches" = yes ] || echo "note: $list: '$g' matches no unreferenced jar any more; its line can go"
done
if [ ${#unused[@]} -gt 0 ]; then
  echo "These jars ship but nothing uses them (no class refers to them, no reason in $list):" >&2
  printf '  %s\n' "${unused[@]}" >&2
  echo "Remove the dependency from pom.xml, or add a line with the reason it ships to $list (a jar left by an earlier build goes with mvn clean)." >&2
  exit 1
fi
echo "shipped jars: $(ls target/lib/*.jar | wc -l), referenced by the code: $(wc -l <<<"$reached"), shipped for a stated reason: the rest"
