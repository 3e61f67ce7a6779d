// The evaluation over the fixture PDFs, read from the CLI's SARIF: every injected error of a class
// Tally covers is found on the page it is printed on, and the clean originals give no errors.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, HAVE_FIXTURES, knownRealErrors, manifest, papers, recall, runCliSarif, type Score } from './fixtures.ts';

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
