#!/usr/bin/env bash
# The Python tools that make Office files at test time (tests/support/office-tools.ts): an
# encrypted .xlsx (msoffcrypto-tool, the way Office saves a password-protected file), workbooks
# and presentations with hidden sheets and slides (openpyxl, python-pptx), OpenDocument files
# with tables (odfpy). Pinned, in a virtualenv of their own beside the contract tools'.
# Run: installs them once (idempotent) and prints the virtualenv's python.
set -euo pipefail
OFFICE_TOOLS=(msoffcrypto-tool==6.1.0 openpyxl==3.1.5 python-pptx==1.0.2 odfpy==1.4.1)
tools_dir=${DOCSTACK_TOOLS_DIR:-$HOME/.cache/docstack/tools}
venv=$tools_dir/office-fixtures-$(printf '%s\n' "${OFFICE_TOOLS[@]}" | sha256sum | cut -c1-12)
if [ ! -f "$venv/.installed" ]; then
  mkdir -p "$tools_dir"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${OFFICE_TOOLS[@]}" >&2
  touch "$venv/.installed"
fi
echo "$venv/bin/python"
