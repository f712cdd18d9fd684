#!/usr/bin/env bash
# Cold start of the till beside an empty JavaFX window, alternated in one run (issue 15's goal: the till usable
# within 1.5x an empty window's start). See docs/performance.md, section "Till".
#
#   mvn -q package -DskipTests && mvn -q test-compile && DISPLAY=:92 docs/startup-compare.sh 7
#
# Both are new JVMs on the same class path (target/lib, the jar's own libraries), timed the same way: ms from the
# JVM's start to the first laid-out frame (-Dcomptoir.startupProbe for the till, EmptyWindowProbe for the window).
# The till's data folder is set up once (shop name and PIN, so the till comes first); one warm-up of each is not
# counted. JAVA_OPTS adds JVM options to both; TILL_OPTS to the till only (e.g. the AppCDS archive the installed
# application ships with: -XX:SharedArchiveFile=FILE, made by one run with -XX:ArchiveClassesAtExit=FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=${JAR:-target/comptoir.jar}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
java -jar "$jar" --data-dir "$data" config set shop.name "Banc d'essai" >/dev/null
java -jar "$jar" --data-dir "$data" config set owner.pin 2468 >/dev/null
# shellcheck disable=SC2086
till() { java ${JAVA_OPTS:-} ${TILL_OPTS:-} -Dcomptoir.startupProbe=true -jar "$jar" --data-dir "$data"; }
# shellcheck disable=SC2086
empty() { java ${JAVA_OPTS:-} -cp "target/test-classes:target/lib/*" org.comptoir.ui.bench.EmptyWindowProbe; }
ms() { "$@" 2>/dev/null | grep '^startup-ms=' | sed 's/startup-ms=\([0-9]*\).*/\1/'; }
ms till >/dev/null
ms empty >/dev/null
t=(); e=()
for i in $(seq 1 "$runs"); do
  e+=("$(ms empty)")
  t+=("$(ms till)")
  echo "run $i: empty window ${e[-1]} ms, till ${t[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
me=$(median "${e[@]}"); mt=$(median "${t[@]}")
echo "median over $runs runs: empty window $me ms, till $mt ms, ratio $(awk "BEGIN { printf \"%.2f\", $mt / $me }")"
