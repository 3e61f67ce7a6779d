// The deterministic checks on the shared fixture papers: every injected error of the classes they
// cover (local, paragraph, table) is found at its line, and the clean originals get no errors
// beyond the real mistakes that were looked at and kept.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { ARITHMETIC_CHECKS } from '../../../src/core/checks/arithmetic/index.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex, findLatexProject, readFileUri } from '../../../src/core/latex/index.ts';
import type { Finding } from '../../../src/core/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../../../shared/fixtures');
const MANIFEST = path.join(FIXTURES, 'manifest.json');
const COVERED = new Set(['local', 'paragraph', 'table']);

interface Entry {
  paper: string;
  file: string;
  line: number;
  original: string;
  mutant: string;
  cls: string;
}

/** Real mistakes in the published originals: reported, checked by hand, and kept. */
const REAL_MISTAKES = [
  // "Δ=0.25, 95% CI [0.62, 0.41]": bounds reversed and the estimate outside them either way.
  { paper: 'deception_intero', file: 'paper/manuscript.tex', line: 292, kind: 'interval' },
];

function errorsOf(folder: string): Finding[] {
  const { roots } = findLatexProject(folder);
  const out: Finding[] = [];
  for (const root of roots) {
    const uri = pathToFileURL(root).href;
    const paper = extractLatex(readFileSync(root, 'utf8'), uri, { readFile: readFileUri });
    out.push(...checkPaper(paper, { checks: ARITHMETIC_CHECKS }).findings.filter((f) => f.severity === 'error'));
  }
  return out;
}

function relFile(folder: string, f: Finding): string {
  return path.relative(folder, fileURLToPath(f.range.uri)).split(path.sep).join('/');
}

const at = (folder: string, f: Finding, file: string, line: number) =>
  relFile(folder, f) === file && (f.range.start.line + 1 === line || (f.claimRange !== undefined && f.claimRange.start.line + 1 <= line && f.claimRange.end.line + 1 >= line));

const available = existsSync(MANIFEST);
const manifest: Entry[] = available ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : [];
const papers = [...new Set(manifest.map((e) => e.paper))];

for (const name of papers) {
  const dir = path.join(FIXTURES, 'papers', name);
  const entries = manifest.filter((e) => e.paper === name);
  const known = REAL_MISTAKES.filter((m) => m.paper === name);

  test(`${name}: every injected local, paragraph and table error is found at its line`, () => {
    const folder = path.join(dir, 'mutant');
    const errors = errorsOf(folder);
    for (const e of entries.filter((x) => COVERED.has(x.cls))) {
      assert.ok(errors.some((f) => at(folder, f, e.file, e.line)), `missed ${e.file}:${e.line} (${e.original} → ${e.mutant}, ${e.cls})`);
    }
    // Nothing else is an error: only injected lines (of any class) and the known real mistakes.
    const stray = errors.filter((f) => !entries.some((e) => at(folder, f, e.file, e.line)) && !known.some((m) => at(folder, f, m.file, m.line) && f.kind === m.kind));
    assert.deepEqual(stray.map((f) => `${relFile(folder, f)}:${f.range.start.line + 1} ${f.message}`), []);
  });

  test(`${name}: the original gets no errors beyond the real mistakes kept`, () => {
    const folder = path.join(dir, 'original');
    const errors = errorsOf(folder);
    const stray = errors.filter((f) => !known.some((m) => at(folder, f, m.file, m.line) && f.kind === m.kind));
    assert.deepEqual(stray.map((f) => `${relFile(folder, f)}:${f.range.start.line + 1} ${f.message}`), []);
    for (const m of known) assert.ok(errors.some((f) => at(folder, f, m.file, m.line)), `the real mistake at ${m.file}:${m.line} is still reported`);
  });
}

test('the fixtures are present', { skip: available ? false : 'no ../shared/fixtures here' }, () => {
  assert.ok(papers.length > 0);
});

test('the example paper: exactly the BDE-209 error, everything else verified', () => {
  const file = path.resolve(here, '../../../examples/black-spatula.tex');
  const paper = extractLatex(readFileSync(file, 'utf8'), pathToFileURL(file).href, { readFile: readFileUri });
  const result = checkPaper(paper, { checks: ARITHMETIC_CHECKS });
  assert.equal(result.findings.length, 1);
  const [f] = result.findings;
  assert.equal(f.kind, 'unit-conversion');
  assert.equal(f.severity, 'error');
  assert.equal(f.reported, '42,000');
  assert.equal(f.suggestion, '420,000');
  assert.equal(f.message, '7000 ng/kg bw/day × 60 kg is 420,000 ng/day, not 42,000 ng/day.');
  const kinds = new Set(result.verified.map((v) => v.kind));
  for (const k of ['percentage', 'percent-change', 'mean', 'parts-total', 'interval', 'table-total']) assert.ok(kinds.has(k as never), `${k} verified`);
});
