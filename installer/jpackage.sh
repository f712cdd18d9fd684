#!/usr/bin/env bash
# Builds the self-contained Comptoir for Linux: an app-image with a bundled runtime and an AppCDS archive, then a
# .deb made from that very image. `mvn -Pinstaller package` runs it after the jar is built; by hand, after
# `mvn package`: `installer/jpackage.sh [app-image|deb|all]` (default all). Windows and macOS: docs/installer.md.
#
# JavaFX has no jmods on Maven Central, so its -linux jars go on the module path (linked into the runtime) and
# everything else on the class path, started by the plain Launcher (see STACK.md "Packaging").
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
version="$(sed -n 's/^version=//p' target/classes/org/comptoir/version.properties | sed 's/-SNAPSHOT//')"
out=target/installer
image="$out/Comptoir"
installer/check-shipped-jars.sh   # only what runs ships
rm -rf "$out" target/jpackage-input target/jpackage-fx
mkdir -p "$out" target/jpackage-input/lib target/jpackage-fx

cp target/comptoir.jar target/jpackage-input/
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" target/jpackage-fx/ ;;   # real JavaFX modules, with natives
    javafx-*.jar) ;;                                      # empty placeholders: skip
    *) cp "$jar" target/jpackage-input/lib/ ;;
  esac
done

modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules+=,java.prefs,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml,java.xml.crypto
modules+=,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,javafx.controls

# -Xmx: H2's cache, the UI and a 100,000-row Excel export (streamed) fit in far less; a cap keeps a till PC
# responsive. The AppCDS archive (made below) is used when present; a missing or stale one is ignored.
jpackage --type app-image --name Comptoir --app-version "${version:-0.1.0}" --vendor Comptoir \
  --description "Consent-first promotion SMS for small shops" \
  --input target/jpackage-input --main-jar comptoir.jar --main-class org.comptoir.Launcher \
  --module-path target/jpackage-fx --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --include-locales=en,fr --generate-cds-archive" \
  --java-options '-Xmx512m' \
  --java-options '-XX:SharedArchiveFile=$APPDIR/comptoir.jsa' \
  --java-options '-Xshare:auto' \
  --icon assets/comptoir-512.png --dest "$out"

# AppCDS: one training run records the classes start-up loads (H2, Flyway, picocli, the services; with a display
# also JavaFX and the first window, through the startup probe: faster still, see docs/performance.md). JDK 17
# accepts a class-path archive only at the path it was made for, so this one serves the image where it lies (CI, a
# copied folder), and the .deb makes its own at install time (installer/linux/postinst). The run uses the
# launcher's class path and heap.
app="$PWD/$image/lib/app"
cp=$(sed -n 's/^app.classpath=//p' "$app/Comptoir.cfg" | sed "s|\$APPDIR|$app|" | paste -sd: -)
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
run() { "$image/lib/runtime/bin/java" -Xmx512m -cp "$cp" "$@"; }
run org.comptoir.Launcher --data-dir "$train" config set shop.name "Formation" >/dev/null
run org.comptoir.Launcher --data-dir "$train" config set owner.pin 2468 >/dev/null   # so the till comes first
if [ -n "${DISPLAY:-}" ]; then
  run -XX:ArchiveClassesAtExit="$app/comptoir.jsa" -Dcomptoir.startupProbe=true org.comptoir.Launcher \
    --data-dir "$train" >/dev/null 2>&1
else
  run -XX:ArchiveClassesAtExit="$app/comptoir.jsa" org.comptoir.Launcher --data-dir "$train" config list >/dev/null
fi
ls -la "$app/comptoir.jsa"

if [ "$what" = all ] || [ "$what" = deb ]; then
  # the .deb installs the image above into /opt/comptoir, a menu entry (Office), and /usr/bin/comptoir
  rm -rf "$out/deb-image" && cp -a "$image" "$out/deb-image" && rm -f "$out/deb-image/lib/app/comptoir.jsa"
  jpackage --type deb --app-image "$out/deb-image" --name Comptoir --app-version "${version:-0.1.0}" --vendor Comptoir \
    --description "Consent-first promotion SMS for small shops" \
    --linux-package-name comptoir --linux-package-deps "libgtk-3-0, libgl1" \
    --linux-menu-group Office --linux-app-category office --linux-shortcut \
    --resource-dir installer/linux --icon assets/comptoir-512.png --dest "$out"
  rm -rf "$out/deb-image"
fi
ls -la "$out"
