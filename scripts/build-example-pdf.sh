#!/usr/bin/env bash
# Builds examples/black-spatula.pdf from examples/black-spatula.tex, and (with --fixtures) the PDF
# test fixtures in test/fixtures/pdf/ from their .tex sources. Needs pdflatex and qpdf
# (scripts/install-texlive.sh). Output is reproducible: fixed dates and document ids.
set -euo pipefail
cd "$(dirname "$0")/.."

export SOURCE_DATE_EPOCH=1700000000
export FORCE_SOURCE_DATE=1

build() { # build <dir> <name>
  local dir=$1 name=$2 tmp
  tmp=$(mktemp -d)
  cp "$dir/$name.tex" "$tmp/"
  if [ -f "$dir/scan.png" ]; then cp "$dir/scan.png" "$tmp/"; fi
  # Twice, for references; \pdftrailerid{} keeps the file identical from run to run.
  for _ in 1 2; do
    (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error "\\pdftrailerid{}\\input{$name}" >/dev/null) || {
      cat "$tmp/$name.log" >&2
      exit 1
    }
  done
  cp "$tmp/$name.pdf" "$dir/$name.pdf"
  rm -rf "$tmp"
  echo "built $dir/$name.pdf"
}

build examples black-spatula

if [ "${1:-}" = "--fixtures" ]; then
  f=test/fixtures/pdf
  for name in two-column table typography image-only mixed table-nocaption table-merged table-rotated table-pagebreak table-groups bitmap-fonts display-formula; do build "$f" "$name"; done
  # A password-protected copy (user password "secret").
  qpdf --static-id --static-aes-iv --encrypt secret owner 256 -- "$f/table.pdf" "$f/encrypted.pdf"
  echo "built $f/encrypted.pdf"
fi
