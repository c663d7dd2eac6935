#!/bin/sh
# Convert the Word templates to PDF, then to PNG pages, to check their layout by eye.
# Needs LibreOffice and poppler-utils (Debian: libreoffice-writer, poppler-utils); CI has neither,
# so this is a script, not a test.   Usage: scripts/template_pdf.sh [OUT_DIR]
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-test-artifacts/templates}
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$OUT"
"$PY" - "$OUT" <<'PYTHON'
import sys
from pathlib import Path

from macros.drafting.guide import downloads
from macros.knowledge.index import SiteIndex
from macros.data.loader import load

out = Path(sys.argv[1])
for path, blob in downloads(SiteIndex(load(Path("data")))):
    if path.endswith(".docx"):
        (out / Path(path).name).write_bytes(blob)
PYTHON
PROFILE=$(mktemp -d)  # a private LibreOffice profile: works while another LibreOffice is open
trap 'rm -rf "$PROFILE"' EXIT
libreoffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$OUT"/*.docx >/dev/null
for pdf in "$OUT"/*.pdf; do
    pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
done
ls "$OUT"
