#!/usr/bin/env bash
# Installs the TeX Live subset that compiles examples/black-spatula.tex and the PDF test fixtures,
# plus the tools the PDF tests and bench use (pdftotext from poppler-utils, qpdf).
# Idempotent: does nothing when everything is already there.
set -euo pipefail

need=()
command -v pdflatex >/dev/null 2>&1 || need+=(texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-science)
# Type 1 versions of the T1/TS1-encoded CM fonts (siunitx's \micro), so no bitmap Type 3 fonts.
dpkg -s cm-super-minimal >/dev/null 2>&1 || need+=(cm-super-minimal)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
if [ ${#need[@]} -eq 0 ]; then
  echo "texlive, poppler-utils and qpdf already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${need[@]}"
