// The evaluation over ../shared/fixtures, read from the CLI's SARIF as any CI would: every injected
// error of the classes Tally covers is found at the right line, and clean originals give no errors.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { FIXTURES, HAVE_FIXTURES, knownRealErrors, manifest, papers, pointsAt, recall, runCliSarif, type InjectedError, type SarifHit, type Score } from './fixtures.ts';

const COVERED = new Set(['local', 'paragraph', 'table', 'stats']);
// The document class (a number far away: another section, a cited table) is read by the consistency checks.
const CONSISTENCY_KINDS = new Set(['count-consistency', 'summary-consistency', 'table-reference', 'parameter-consistency']);

function isHit(h: SarifHit, m: InjectedError, folder: string): boolean {
  const file = join(folder, m.file);
  if ((h.level !== 'error' && h.level !== 'warning') || fileURLToPath(h.uri) !== file) return false;
  return pointsAt(h, m, readFileSync(file, 'utf8').split(/\r?\n/)[m.line - 1]);
}

test('LaTeX fixtures: injected errors found at their line, originals clean', { skip: !HAVE_FIXTURES && 'no ../shared/fixtures' }, () => {
  const injected = manifest();
  const byClass = new Map<string, Score>();
  let mutantErrors = 0;
  let mutantTrue = 0;
  let cleanErrors = 0;
  let maxConsistencyPerClean = 0;
  const lines: string[] = [];
  for (const paper of papers()) {
    const mutantDir = join(FIXTURES, 'papers', paper, 'mutant');
    const hits = runCliSarif(mutantDir);
    const expected = injected.filter((m) => m.paper === paper);
    for (const m of expected) {
      const score = byClass.get(m.cls) ?? { found: 0, expected: 0, missed: [] };
      score.expected++;
      if (hits.some((h) => isHit(h, m, mutantDir))) score.found++;
      else score.missed.push(m);
      byClass.set(m.cls, score);
    }
    const errors = hits.filter((h) => h.level === 'error');
    mutantErrors += errors.length;
    mutantTrue += errors.filter((h) => expected.some((m) => isHit(h, m, mutantDir))).length;
    const originalDir = join(FIXTURES, 'papers', paper, 'original');
    const originalHits = runCliSarif(originalDir);
    const originalErrors = originalHits.filter((h) => h.level === 'error');
    const consistencyWarnings = originalHits.filter((h) => CONSISTENCY_KINDS.has(h.ruleId));
    maxConsistencyPerClean = Math.max(maxConsistencyPerClean, consistencyWarnings.length);
    if (consistencyWarnings.length) lines.push(`  ${paper}: consistency findings on the original: ${consistencyWarnings.map((h) => `${h.uri.split('/').pop()}:${h.line} [${h.ruleId}] ${h.message}`).join(' | ')}`);
    const real = knownRealErrors().filter((k) => k.paper === paper);
    for (const k of real) {
      assert.ok(originalErrors.some((h) => h.ruleId === k.kind && h.line === k.line && fileURLToPath(h.uri) === join(originalDir, k.file)), `the real error in ${paper} ${k.file}:${k.line} is still reported`);
    }
    const clean = originalErrors.filter((h) => !real.some((k) => h.ruleId === k.kind && h.line === k.line && fileURLToPath(h.uri) === join(originalDir, k.file)));
    cleanErrors += clean.length;
    lines.push(`  ${paper}: ${clean.length} false errors on the original${clean.length ? ': ' + clean.map((h) => `${h.uri.split('/').pop()}:${h.line} [${h.ruleId}] ${h.message}`).join(' | ') : ''}`);
  }
  const covered: Score = { found: 0, expected: 0, missed: [] };
  for (const [cls, s] of byClass) {
    lines.unshift(`  ${cls}: recall ${s.found}/${s.expected}${s.missed.length ? ' — missed: ' + s.missed.map((m) => `${m.paper} ${m.file}:${m.line} ${m.mutant}`).join('; ') : ''}`);
    if (COVERED.has(cls)) {
      covered.found += s.found;
      covered.expected += s.expected;
      covered.missed.push(...s.missed);
    }
  }
  const perClean = cleanErrors / papers().length;
  const precision = mutantErrors ? mutantTrue / mutantErrors : 1;
  console.log(`LaTeX fixture evaluation:\n${lines.join('\n')}\n  covered classes (${[...COVERED].join(', ')}): recall ${recall(covered).toFixed(2)}; precision on mutants ${precision.toFixed(2)}; false errors per clean paper ${perClean.toFixed(2)}`);
  assert.ok(recall(covered) >= 0.9, `recall ${recall(covered).toFixed(2)} < 0.9`);
  assert.ok(perClean <= 0.5, `${perClean.toFixed(2)} false errors per clean paper > 0.5`);
  const document = byClass.get('document');
  if (document) assert.ok(recall(document) >= 0.6, `document-class recall ${recall(document).toFixed(2)} < 0.6`);
  assert.ok(maxConsistencyPerClean <= 1, `${maxConsistencyPerClean} consistency findings on one clean original (at most one)`);
});
