import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingId, materialise } from '../../../src/core/engine.ts';
import { renderReport } from '../../../src/core/report/index.ts';
import { RULES } from '../../../src/core/rules.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { CheckResult, Finding } from '../../../src/core/types.ts';

const text = 'Intro line.\n\nThe dose is 7000 × 60 = 42,000 ng/day <script>.';
const paper = plainPaper(text, 'file:///tmp/paper.tex');
const at = text.indexOf('42,000');
const { findings } = materialise(paper, [
  {
    kind: 'arithmetic',
    severity: 'error',
    message: '7000 × 60 is 420,000, not 42,000.',
    claim: '7000 × 60 = 42,000',
    reported: '42,000',
    recomputed: '420,000',
    working: '7000 * 60',
    suggestion: '420,000',
    span: { start: at, end: at + 6 },
  },
]);
const result: CheckResult = {
  uri: paper.uri,
  files: paper.files,
  findings,
  verified: [{ kind: 'percentage', claim: '12 of 40 (30%)', working: '12 / 40 * 100', range: findings[0].range, section: '' }],
  notes: [{ level: 'warning', message: 'page 2 has no text layer' }],
  suppressedCount: 0,
};

test('SARIF 2.1.0: one result per finding with 1-based region, snippet, fix and fingerprint', () => {
  const log = JSON.parse(renderReport([result], 'sarif', { toolVersion: '1.2.3', readSource: () => text }));
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'Tally');
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
  assert.equal(run.results.length, 1);
  const r = run.results[0];
  assert.equal(r.ruleId, 'arithmetic');
  assert.equal(r.level, 'error');
  assert.equal(run.tool.driver.rules[r.ruleIndex].id, 'arithmetic');
  const region = r.locations[0].physicalLocation.region;
  assert.deepEqual([region.startLine, region.startColumn, region.endLine, region.endColumn], [3, 25, 3, 31]);
  assert.equal(region.snippet.text, '42,000');
  assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'file:///tmp/paper.tex');
  assert.equal(r.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '420,000');
  assert.equal(r.partialFingerprints['tallyFindingId/v1'], findingId('arithmetic', '7000 × 60 = 42,000'));
  assert.equal(run.invocations[0].toolExecutionNotifications[0].message.text, 'page 2 has no text layer');
});

test('SARIF for PDFs carries page and box, and quotes the sentence', () => {
  const pdfResult: CheckResult = { ...result, findings: [{ ...findings[0], range: { ...findings[0].range, page: 4, box: [10, 20, 30, 40] } }] };
  const r = JSON.parse(renderReport([pdfResult], 'sarif')).runs[0].results[0];
  assert.equal(r.properties.page, 4);
  assert.deepEqual(r.properties.box, [10, 20, 30, 40]);
  assert.equal(r.locations[0].physicalLocation.region.snippet.text, 'The dose is 7000 × 60 = 42,000 ng/day <script>.');
  assert.equal(r.fixes, undefined);
});

test('Markdown and HTML reports list failures and verified claims, escaping paper text', () => {
  const md = renderReport([result], 'markdown');
  assert.match(md, /\| 1 \| 0 \| 0 \| 1 \| 0 \|/);
  assert.match(md, /7000 × 60 is 420,000, not 42,000/);
  assert.match(md, /## Verified claims/);
  assert.match(md, /12 of 40 \(30%\)/);
  const html = renderReport([result], 'html');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /Content-Security-Policy/);
  assert.doesNotMatch(html, /<script/);
  assert.match(html, /paper\.tex:3:25/);
  const json = JSON.parse(renderReport([result], 'json'));
  assert.equal(json.results[0].findings[0].recomputed, '420,000');
});

test('sectionAt finds the enclosing block by binary search, and nothing between blocks', async () => {
  const { sectionAt } = await import('../../../src/core/engine.ts');
  const p = plainPaper('aaaa\n\nbbbb\n\ncccc');
  p.blocks = p.blocks.map((b, i) => ({ ...b, section: `S${i}` }));
  assert.deepEqual([0, 3, 4, 5, 6, 9, 12, 15, 16].map((o) => sectionAt(p, o)), ['S0', 'S0', '', '', 'S1', 'S1', 'S2', 'S2', '']);
});

test('a finding quotes its sentence, or its table row', async () => {
  const { sentenceAround } = await import('../../../src/core/engine.ts');
  const text = 'First sentence here. Of 40 items, e.g. spoons, 12 (45%) were black. Last one.\n\nType | n | %\nSpoon | 12 | 45%\nTotal | 40 | 100%';
  const p = plainPaper(text);
  p.blocks = [
    { kind: 'paragraph', start: 0, end: text.indexOf('\n\n'), section: '' },
    { kind: 'table', start: text.indexOf('Type'), end: text.length, section: '' },
  ];
  const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  assert.equal(sentenceAround(p, at('45%)')), 'Of 40 items, e.g. spoons, 12 (45%) were black.');
  const cell = text.indexOf('45%\nTotal');
  assert.equal(sentenceAround(p, { start: cell, end: cell + 3 }), 'Spoon | 12 | 45%');
});

test('report order: PDF findings of different kinds come by page, then position, never a later page first', () => {
  const pdf = 'file:///tmp/paper.pdf';
  const at = (page: number, line: number, kind: Finding['kind'], id: string): Finding => ({
    ...findings[0],
    id,
    kind,
    section: 'Results',
    range: { uri: pdf, page, start: { line, character: 0 }, end: { line, character: 5 } },
  });
  // Given out of order, and with the kinds interleaved across pages.
  const list = [at(9, 1, 'arithmetic', 'late-sum'), at(5, 3, 'percentage', 'middle-share'), at(2, 7, 'arithmetic', 'early-sum'), at(5, 1, 'arithmetic', 'middle-sum')];
  const pdfResult: CheckResult = { ...result, uri: pdf, files: [pdf], findings: list, verified: [] };
  for (const format of ['markdown', 'html'] as const) {
    const out = renderReport([pdfResult], format, {});
    const order = ['early-sum', 'middle-sum', 'middle-share', 'late-sum'].map((id) => out.indexOf(id));
    assert.ok(order.every((i) => i >= 0), `${format}: every finding is in the report`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, `${format}: findings by page, then position`);
  }
});
