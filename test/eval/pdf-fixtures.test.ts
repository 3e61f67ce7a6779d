// The evaluation over the fixture PDFs, read from the CLI's SARIF: every injected error of a class
// Tally covers is found on the page it is printed on, and the clean originals give no errors.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, HAVE_FIXTURES, REPO, knownRealErrors, manifest, papers, recall, runCliSarif as runCli, type SarifHit, type Score } from './fixtures.ts';

// Both tests read the same PDFs: run the CLI once per file.
const sarifCache = new Map<string, SarifHit[]>();
function runCliSarif(path: string): SarifHit[] {
  let hits = sarifCache.get(path);
  if (!hits) sarifCache.set(path, (hits = runCli(path)));
  return hits;
}

const COVERED = new Set(['local', 'paragraph', 'table', 'stats']);

test('PDF fixtures: injected errors found on their page, originals clean', { skip: !HAVE_FIXTURES && 'no ../shared/fixtures' }, () => {
  const withPdf = papers().filter((p) => existsSync(join(FIXTURES, 'papers', p, 'pdf', 'mutant.pdf')));
  assert.ok(withPdf.length > 0, 'some fixture has PDFs');
  const covered: Score = { found: 0, expected: 0, missed: [] };
  // The document class (a number far away) is read by the consistency checks; measured apart.
  const document: Score = { found: 0, expected: 0, missed: [] };
  let cleanErrors = 0;
  const lines: string[] = [];
  for (const paper of withPdf) {
    const hits = runCliSarif(join(FIXTURES, 'papers', paper, 'pdf', 'mutant.pdf')).filter((h) => h.level === 'error' || h.level === 'warning');
    for (const m of manifest().filter((x) => x.paper === paper && x.pdf_page !== null && (COVERED.has(x.cls) || x.cls === 'document'))) {
      const score = m.cls === 'document' ? document : covered;
      score.expected++;
      // The page must hold a finding quoting the changed number (a page can hold several errors).
      const number = m.mutant.replace(/\\%/g, '%').replace(/[()\\,]+$/g, '').replace(/^\(/, '');
      if (hits.some((h) => h.page === m.pdf_page && (h.message.includes(number.replace('%', '')) || h.message.includes(number)))) score.found++;
      else score.missed.push(m);
    }
    const real = knownRealErrors().filter((k) => k.paper === paper);
    const clean = runCliSarif(join(FIXTURES, 'papers', paper, 'pdf', 'original.pdf')).filter((h) => h.level === 'error');
    const falseErrors = clean.length - Math.min(real.length, clean.filter((h) => real.some((k) => k.kind === h.ruleId)).length);
    cleanErrors += falseErrors;
    lines.push(`  ${paper}: ${falseErrors} false errors on original.pdf${clean.length ? ': ' + clean.map((h) => `p.${h.page} [${h.ruleId}] ${h.message}`).join(' | ') : ''}`);
  }
  const perClean = cleanErrors / withPdf.length;
  console.log(
    `PDF fixture evaluation (${withPdf.length} papers):\n${lines.join('\n')}\n  covered classes: recall ${covered.found}/${covered.expected} = ${recall(covered).toFixed(2)}${covered.missed.length ? ' — missed: ' + covered.missed.map((m) => `${m.paper} p.${m.pdf_page} ${m.mutant}`).join('; ') : ''}; false errors per clean paper ${perClean.toFixed(2)}`,
  );
  console.log(`  document class: recall ${document.found}/${document.expected}${document.missed.length ? ' — missed: ' + document.missed.map((m) => `${m.paper} p.${m.pdf_page} ${m.mutant}`).join('; ') : ''}`);
  assert.ok(recall(covered) >= 0.85, `recall ${recall(covered).toFixed(2)} < 0.85`);
  assert.ok(recall(document) >= 0.6, `document-class recall ${recall(document).toFixed(2)} < 0.6`);
  assert.ok(perClean <= 0.5, `${perClean.toFixed(2)} false errors per clean paper > 0.5`);
});

// ---- Parity: the PDF check finds what the LaTeX check finds on the same paper -----------------

/** The numbers a finding's message quotes, as written (commas and thin spaces dropped). */
function numbersOf(message: string): string[] {
  return [...message.matchAll(/\d+(?:[.,\u2009]\d+)*/g)].map((m) => m[0].replace(/[,\u2009]/g, '')).sort();
}

/** Same rule, and most of the numbers one message quotes are quoted by the other. */
function counterpart(a: SarifHit, b: SarifHit): boolean {
  if (a.ruleId !== b.ruleId) return false;
  const x = numbersOf(a.message);
  const y = new Set(numbersOf(b.message));
  if (x.length === 0 || y.size === 0) return a.message === b.message;
  const shared = x.filter((n) => y.has(n)).length;
  return shared >= Math.ceil(0.6 * Math.min(x.length, y.size));
}

interface ParityRow {
  name: string;
  latex: number;
  matched: number;
  missed: SarifHit[];
  extraErrors: SarifHit[];
}

function parity(name: string, latexPath: string, pdfPath: string): ParityRow {
  const serious = (h: SarifHit) => h.level === 'error' || h.level === 'warning';
  const latex = runCliSarif(latexPath).filter(serious);
  const pdf = runCliSarif(pdfPath).filter(serious);
  const used = new Set<SarifHit>();
  const missed: SarifHit[] = [];
  for (const l of latex) {
    const p = pdf.find((h) => !used.has(h) && counterpart(l, h));
    if (p) used.add(p);
    else missed.push(l);
  }
  const extraErrors = pdf.filter((h) => h.level === 'error' && !used.has(h) && !latex.some((l) => counterpart(l, h)));
  return { name, latex: latex.length, matched: latex.length - missed.length, missed, extraErrors };
}

/** Fixture papers with a compiled PDF (original and mutant), and the example paper. */
function parityPairs(): Array<{ name: string; latex: string; pdf: string }> {
  const out: Array<{ name: string; latex: string; pdf: string }> = [];
  for (const paper of HAVE_FIXTURES ? papers() : []) {
    for (const version of ['original', 'mutant']) {
      const pdf = join(FIXTURES, 'papers', paper, 'pdf', `${version}.pdf`);
      if (existsSync(pdf)) out.push({ name: `${paper}/${version}`, latex: join(FIXTURES, 'papers', paper, version), pdf });
    }
  }
  out.push({ name: 'examples/black-spatula', latex: join(REPO, 'examples', 'black-spatula.tex'), pdf: join(REPO, 'examples', 'black-spatula.pdf') });
  return out;
}

test('parity: the PDF check finds what the LaTeX check finds, and adds no error', () => {
  const rows = parityPairs().map((p) => parity(p.name, p.latex, p.pdf));
  const total = rows.reduce((s, r) => s + r.latex, 0);
  const missed = rows.reduce((s, r) => s + r.missed.length, 0);
  const extra = rows.reduce((s, r) => s + r.extraErrors.length, 0);
  const table = rows.map((r) => {
    const detail = [...r.missed.map((h) => `missed [${h.ruleId}] ${h.message}`), ...r.extraErrors.map((h) => `PDF only, p.${h.page} [${h.ruleId}] ${h.message}`)];
    return `  | ${r.name} | ${r.latex} | ${r.matched} | ${r.missed.length} | ${r.extraErrors.length} |${detail.length ? '\n      ' + detail.join('\n      ') : ''}`;
  });
  console.log(`LaTeX/PDF parity (errors and warnings):\n  | paper | LaTeX findings | with a PDF counterpart | missed | PDF-only errors |\n${table.join('\n')}\n  total: ${total - missed}/${total} matched, ${missed} missed (${total ? ((100 * missed) / total).toFixed(0) : 0}%), ${extra} PDF-only errors`);
  assert.ok(missed <= 0.1 * total, `the PDF side misses ${missed} of ${total} LaTeX findings (> 10%)`);
  assert.equal(extra, 0, 'the PDF side reports errors the LaTeX side does not');
});
