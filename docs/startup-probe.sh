#!/usr/bin/env bash
# Cold start to the till screen, measured on the real jar (see docs/performance.md, section "Till").
#
#   mvn -q package -DskipTests && DISPLAY=:92 docs/startup-probe.sh 7
#
# Each run is a new JVM started with -Dcomptoir.startupProbe=true: the application prints
# "startup-ms=N screen=ID" (N = ms since the JVM started, from RuntimeMXBean) once the first screen has been
# laid out, then exits cleanly. The data folder is set up once beforehand (shop name, so the till comes
# first rather than the first-run set-up), and the first run is a warm-up that is not counted (it creates
# the consent wording). JAVA_OPTS adds JVM options (e.g. an AppCDS archive). LAUNCHER measures an installed
# launcher instead of the jar (e.g. LAUNCHER=target/installer/Comptoir/bin/Comptoir; JVM options then go in
# JAVA_TOOL_OPTIONS, which the JVM reads whatever starts it). Needs a display: a desktop, or Xvfb (`Xvfb :92 -screen 0 1280x800x24 &`).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=${JAR:-target/comptoir.jar}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
java -jar "$jar" --data-dir "$data" config set shop.name "Banc d'essai" >/dev/null
java -jar "$jar" --data-dir "$data" config set owner.pin 2468 >/dev/null   # without a PIN the set-up comes first
probe() {
  if [ -n "${LAUNCHER:-}" ]; then
    JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Dcomptoir.startupProbe=true" "$LAUNCHER" --data-dir "$data"
  else
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -Dcomptoir.startupProbe=true -jar "$jar" --data-dir "$data"
  fi
}
probe >/dev/null 2>&1
times=()
for i in $(seq 1 "$runs"); do
  line=$(probe 2>/dev/null | grep '^startup-ms=')
  echo "run $i: $line"
  times+=("$(echo "$line" | sed 's/startup-ms=\([0-9]*\).*/\1/')")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median startup-ms over $runs runs: ${sorted[$((runs / 2))]} (min ${sorted[0]}, max ${sorted[$((runs - 1))]})"
