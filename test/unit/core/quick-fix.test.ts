// Quick fixes keep the paper valid LaTeX: the replacement is built from the claim's source, only
// the number's digits change, and when that cannot be done faithfully no fix is offered. Checked
// on paraphrases here, then on every fix offered on the shared fixture mutants and the claims
// corpus: apply it, re-extract, and only the intended number has changed and the finding is gone.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPaper } from '../../../src/core/engine.ts';
import { faithfulReplacement } from '../../../src/core/fix.ts';
import { extractLatex, findLatexProject, readFileUri } from '../../../src/core/latex/index.ts';
import type { Finding } from '../../../src/core/types.ts';
import { KIND_REPLACE, codeActionsFor } from '../../../src/server/code-actions.ts';

test('the number changes; escapes, grouping marks, siunitx and math keep their form', () => {
  assert.equal(faithfulReplacement('59\\%', '59%', '69%'), '69\\%');
  assert.equal(faithfulReplacement('59\\,\\%', '59 %', '69 %'), '69\\,\\%');
  assert.equal(faithfulReplacement('12{,}400', '12,400', '13,400'), '13{,}400');
  assert.equal(faithfulReplacement('12\\,400', '12 400', '13 400'), '13\\,400');
  assert.equal(faithfulReplacement('\\num{0.42}', '0.42', '0.47'), '\\num{0.47}');
  assert.equal(faithfulReplacement('\\SI{3.5}{\\percent}', '3.5%', '4.5%'), '\\SI{4.5}{\\percent}');
  assert.equal(faithfulReplacement('\\qty{12}{\\percent}', '12%', '15%'), '\\qty{15}{\\percent}');
  assert.equal(faithfulReplacement('$0{.}25$', '0.25', '0.35'), '$0{.}35$');
  assert.equal(faithfulReplacement('$-1.5$', '−1.5', '−2.5'), '$-2.5$');
  assert.equal(faithfulReplacement('28~percent', '28 percent', '31 percent'), '31~percent');
  assert.equal(faithfulReplacement('999', '999', '1,000'), '1{,}000');
  assert.equal(faithfulReplacement('9{,}999', '9,999', '10,999'), '10{,}999');
});

test('no fix when the edit would not be faithful', () => {
  assert.equal(faithfulReplacement('\\nTotal', '40', '44'), undefined, 'a macro stands for the number');
  assert.equal(faithfulReplacement('59\\%', '59%', '-69%'), undefined, 'a sign the source does not have');
  assert.equal(faithfulReplacement('59\\%', '59%', '69'), undefined, 'the symbol would go');
  assert.equal(faithfulReplacement('58\\%', '59%', '69%'), undefined, 'the source reads another number');
  assert.equal(faithfulReplacement('$10^{3}$', '1000', '2000'), undefined, 'two numbers in the source');
  assert.equal(faithfulReplacement('five', 'five', '6'), undefined, 'a number in words');
});

// ---- every fix offered on real papers -------------------------------------------------------

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../../../../shared');
const FIXTURES = path.join(SHARED, 'fixtures', 'papers');
const CLAIMS = path.join(SHARED, 'claims', 'claims.jsonl');

interface Paper {
  root: string;
  files: Map<string, string>;
}

function extract(p: Paper) {
  const read = (uri: string) => (p.files.has(uri) ? p.files.get(uri) : readFileUri(uri));
  return extractLatex(read(p.root) ?? '', p.root, { readFile: read });
}

function sameStart(a: Finding, b: Finding): boolean {
  return a.kind === b.kind && a.range.uri === b.range.uri && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}

interface Tally {
  offered: number;
  applied: number;
  problems: string[];
}

/** Applies every replace fix offered on `p`, one at a time, and checks what changed. */
function applyEveryFix(p: Paper, label: string, tally: Tally): void {
  const before = extract(p);
  const { findings } = checkPaper(before);
  for (const f of findings) {
    if (f.suggestion === undefined) continue;
    tally.offered++;
    const text = p.files.get(f.range.uri) ?? readFileUri(f.range.uri) ?? '';
    const doc = TextDocument.create(f.range.uri, 'latex', 1, text);
    const [action] = codeActionsFor(doc, [f], [KIND_REPLACE]);
    if (!action) continue;
    tally.applied++;
    const edited = TextDocument.applyEdits(doc, action.edit!.changes![f.range.uri]);
    const after = { root: p.root, files: new Map(p.files).set(f.range.uri, edited) };
    const paper = extract(after);
    const where = `${label} ${path.basename(f.range.uri)}:${f.range.start.line + 1} ${JSON.stringify(f.written)} -> ${JSON.stringify(f.suggestion)}`;
    // Only the number changed in what Tally (and a reader) reads: no new comment, no math changed.
    let lo = 0;
    while (lo < before.text.length && before.text[lo] === paper.text[lo]) lo++;
    let hi = 0;
    while (hi < before.text.length - lo && hi < paper.text.length - lo && before.text.at(-1 - hi) === paper.text.at(-1 - hi)) hi++;
    const removed = before.text.slice(lo, before.text.length - hi);
    const inserted = paper.text.slice(lo, paper.text.length - hi);
    if (!/^[\d.,\u2009\u202f ]*$/.test(removed) || !/^[\d.,\u2009\u202f ]*$/.test(inserted) || !removed || !inserted) {
      tally.problems.push(`${where}: the text changed from ${JSON.stringify(removed.slice(0, 80))} to ${JSON.stringify(inserted.slice(0, 80))}`);
      continue;
    }
    if (checkPaper(paper).findings.some((g) => sameStart(f, g))) tally.problems.push(`${where}: the finding is still there`);
  }
}

const haveFixtures = existsSync(FIXTURES);

test('every quick fix offered on the fixture mutants changes only its number and clears its finding', { skip: !haveFixtures && 'no shared fixtures' }, () => {
  const tally: Tally = { offered: 0, applied: 0, problems: [] };
  const names = [...new Set((JSON.parse(readFileSync(path.join(SHARED, 'fixtures', 'manifest.json'), 'utf8')) as { paper: string }[]).map((e) => e.paper))];
  for (const name of names) {
    for (const root of findLatexProject(path.join(FIXTURES, name, 'mutant')).roots) {
      applyEveryFix({ root: pathToFileURL(root).href, files: new Map() }, name, tally);
    }
  }
  console.log(`fixture mutants: ${tally.applied} of ${tally.offered} suggestions offered as a fix`);
  assert.ok(tally.applied > 0, 'some fixes are offered');
  assert.deepEqual(tally.problems, []);
});

test('every quick fix offered on the claims corpus changes only its number and clears its finding', { skip: !existsSync(CLAIMS) && 'no claims corpus' }, () => {
  const tally: Tally = { offered: 0, applied: 0, problems: [] };
  const rows = readFileSync(CLAIMS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  for (const row of rows) {
    const root = `file:///claims/${encodeURIComponent(row.id)}.tex`;
    applyEveryFix({ root, files: new Map([[root, row.text]]) }, row.id, tally);
  }
  console.log(`claims corpus: ${tally.applied} of ${tally.offered} suggestions offered as a fix`);
  assert.ok(tally.applied > 0, 'some fixes are offered');
  assert.deepEqual(tally.problems, []);
});
