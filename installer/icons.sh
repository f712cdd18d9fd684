#!/usr/bin/env bash
# Renders assets/comptoir.svg into the icon files each installer needs, kept in assets/ so the build needs no
# image tool: comptoir-512.png (Linux menu entry and .deb), comptoir.ico (Windows .msi: 16, 24, 32, 48, 64,
# 128, 256 px) and comptoir.icns (macOS .dmg: 16 to 1024 px as PNG entries). Needs ImageMagick and python3.
# Run again after a change to the SVG:  installer/icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512 1024; do
  convert -background none -density 384 assets/comptoir.svg -resize "${s}x${s}" "PNG32:$tmp/$s.png"
done
cp "$tmp/512.png" assets/comptoir-512.png
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" \
  assets/comptoir.ico
# ICNS: 'icns' + total length, then (type, length, PNG bytes) per size (Apple's icon family format)
python3 - "$tmp" assets/comptoir.icns <<'PY'
import struct, sys
tmp, out = sys.argv[1], sys.argv[2]
types = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024)]
body = b""
for t, s in types:
    data = open(f"{tmp}/{s}.png", "rb").read()
    body += t.encode() + struct.pack(">I", 8 + len(data)) + data
open(out, "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
ls -la assets/
