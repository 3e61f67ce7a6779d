// A report an editor can sign: per paper what was read, what was hidden and why, which checks
// were off, the version and date, the model review; each finding with its sentence and the number
// marked; a PDF compiled from a LaTeX paper under that paper; the same words in every format.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { materialise } from '../../../src/core/engine.ts';
import { renderReport } from '../../../src/core/report/index.ts';
import { renderHtmlBody } from '../../../src/core/report/html.ts';
import { WORDS } from '../../../src/core/report/summary.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { CheckResult } from '../../../src/core/types.ts';

const text = 'Opening words.\n\nA herd of 30 goats grazed, and 12 of them (45%) were brown.';
const paper = plainPaper(text, 'file:///w/paper/main.tex');
const at = text.indexOf('45%');
const { findings } = materialise(paper, [
  { kind: 'percentage', severity: 'error', message: '12 of 30 is 40%, not 45%.', claim: '12 of them (45%)', reported: '45%', recomputed: '40%', suggestion: '40%', span: { start: at, end: at + 3 } },
]);
const tex: CheckResult = {
  uri: paper.uri,
  files: [paper.uri],
  findings,
  verified: [{ kind: 'arithmetic', claim: '2 + 2 = 4', working: '2 + 2', range: findings[0].range, section: 'Methods' }],
  notes: [],
  suppressedCount: 2,
  coverage: { byKind: { percentage: { read: 3, verified: 1, flagged: 1, undecided: 1 } }, sentences: 41, tables: 2 },
  modelReview: { model: 'small-reasoner', host: '127.0.0.1:8080', date: '2026-03-04T05:06:07.000Z', kept: 1, dropped: 3 },
};
const pdf: CheckResult = { ...tex, uri: 'file:///w/paper/build/main.pdf', coverage: undefined, modelReview: undefined, suppressedCount: 0 };
const options = {
  toolVersion: '9.8.7',
  date: '2026-03-04T10:11:12.000Z',
  baseUri: 'file:///w/',
  checksOff: ['grim'],
  readSource: (uri: string) => (uri === tex.uri ? '\\documentclass{article}\\title{Goats of the Hills}' : undefined),
  ignoreEntries: () => [{ id: 'abcdefabcdef', kind: 'mean', claim: 'a mean of 3.2', file: 'main.tex', line: 7, hidden: '2026-03-01', reason: 'rounded in the source' }],
};

for (const format of ['markdown', 'html'] as const) {
  test(`${format}: stamp, settings, coverage, hidden, model review, one paper with its compiled PDF`, () => {
    const out = renderReport([tex, pdf], format, options);
    assert.match(out, /Tally 9\.8\.7, 2026-03-04 10:11 UTC/);
    assert.match(out, /Checks turned off: GRIM/);
    assert.match(out, /1 paper: Goats of the Hills/);
    assert.match(out, /3 claims read in 41 sentences and 2 tables/);
    assert.match(out, /2 findings hidden by ignore comments in the source or the ignore list/);
    assert.match(out, /a mean of 3\.2.*main\.tex:7, hidden 2026-03-01 \(rounded in the source\)/);
    assert.match(out, /ran on 2026-03-04 05:06 UTC with small-reasoner at 127\.0\.0\.1:8080: 1 finding kept, 3 dropped/);
    assert.match(out, /Compiled PDF: main\.pdf/);
    assert.match(out, /paper\/main\.tex/);
    assert.match(out, format === 'html' ? /and 12 of them \(<mark>45%<\/mark>\) were brown/ : /and 12 of them \(\*\*45%\*\*\) were brown/);
    assert.match(out, new RegExp(WORDS.beforeFirstSection));
    assert.doesNotMatch(out, /deterministic|Front matter|\(before the first section\)/);
  });
}

test('json: the same papers, stamp and settings', () => {
  const json = JSON.parse(renderReport([tex, pdf], 'json', options));
  assert.equal(json.version, '9.8.7');
  assert.equal(json.date, options.date);
  assert.deepEqual(json.checksOff, ['grim']);
  assert.equal(json.papers.length, 1);
  assert.equal(json.papers[0].heading, 'Goats of the Hills');
  assert.deepEqual(json.papers[0].compiledPdfs, [pdf.uri]);
  assert.equal(json.papers[0].modelReview.dropped, 3);
  assert.equal(json.papers[0].ignoreList[0].reason, 'rounded in the source');
});

test('the webview body is the HTML report body', () => {
  const body = renderHtmlBody([tex], options);
  assert.ok(renderReport([tex], 'html', options).includes(body));
  assert.doesNotMatch(body, /<script|<style/);
});

test('two papers with one title are told apart by their paths; untitled ones by their paths', () => {
  const other = { ...tex, uri: 'file:///w/copy/main.tex' };
  const untitled = { ...tex, uri: 'file:///w/notes/draft.tex' };
  const json = JSON.parse(renderReport([tex, other, untitled], 'json', { ...options, readSource: (u: string) => (u === untitled.uri ? '' : '\\title{Same}') }));
  assert.deepEqual(json.papers.map((p: { heading: string }) => p.heading), ['Same (paper/main.tex)', 'Same (copy/main.tex)', 'notes/draft.tex']);
});

test('a one-paper report takes in the PDFs compiled from it, and no other', async () => {
  const { compiledPdfsOf } = await import('../../../src/core/report/summary.ts');
  const elsewhere = { ...pdf, uri: 'file:///w/other/main.pdf' };
  const beside = { ...pdf, uri: 'file:///w/paper/main.pdf' };
  assert.deepEqual(compiledPdfsOf([tex], [tex, beside, elsewhere]).map((r) => r.uri), [beside.uri]);
});
