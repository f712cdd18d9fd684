#!/usr/bin/env bash
# Builds a self-contained Comptoir: an app-image (default) or a .deb (`installer/jpackage.sh deb`).
# Needs `mvn package` first. JavaFX has no jmods on Maven Central, so its -linux jars go on the module path
# and everything else on the class path, started by the plain Launcher (see STACK.md "Packaging").
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
version="$(sed -n 's/^version=//p' target/classes/org/comptoir/version.properties | sed 's/-SNAPSHOT//')"
out=target/installer
rm -rf "$out" target/jpackage-input target/jpackage-fx
mkdir -p "$out" target/jpackage-input target/jpackage-fx

cp target/comptoir.jar target/jpackage-input/
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" target/jpackage-fx/ ;;   # real JavaFX modules, with natives
    javafx-*.jar) ;;                                      # empty placeholders: skip
    *) mkdir -p target/jpackage-input/lib && cp "$jar" target/jpackage-input/lib/ ;;
  esac
done

modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules+=,java.prefs,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml,java.xml.crypto
modules+=,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,javafx.controls,javafx.fxml

args=(--type "$type" --name Comptoir --app-version "${version:-0.1.0}" --vendor Comptoir
      --description "Consent-first promotion SMS for small shops"
      --input target/jpackage-input --main-jar comptoir.jar --main-class org.comptoir.Launcher
      --module-path target/jpackage-fx --add-modules "$modules"
      --jlink-options "--strip-debug --no-header-files --no-man-pages --include-locales=en,fr"
      --icon assets/comptoir.png --dest "$out")
if [ "$type" = deb ]; then
  args+=(--linux-package-deps "libgtk-3-0, libgl1" --linux-menu-group Office --linux-app-category office)
fi
jpackage "${args[@]}"
ls -la "$out"
