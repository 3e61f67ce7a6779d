// PDF findings in the Problems list: ordered by page, then position on the page; each has a row
// that opens the PDF's viewer at its place and a row that hides it (URI fragments the viewer reads);
// hiding one writes a readable entry with the sentence it stands in.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../src/core/types.ts';
import { toDiagnostic } from '../../../src/server/diagnostics.ts';
import { ignoreEntry } from '../../../src/server/ignore.ts';
import { parsePdfPlaceFragment, pdfPlaceFragment } from '../../../src/shared/pdf-place.ts';

const PDF = 'file:///papers/study.pdf';

function pdfFinding(id: string, page: number, line: number, character = 0): Finding {
  return {
    id,
    kind: 'percentage',
    severity: 'error',
    origin: 'deterministic',
    message: 'the share does not match its parts',
    claim: '41%',
    quote: `Of the 200 people asked, 41% said yes (page ${page}).`,
    section: '',
    range: { uri: PDF, page, box: [72, 500.04, 300.26, 512], start: { line, character }, end: { line, character: character + 3 } },
    related: [],
  } as unknown as Finding;
}

test('the Problems list (sorted by line) puts PDF findings in page order, then by position on the page', () => {
  const findings = [pdfFinding('c', 11, 3), pdfFinding('a', 2, 40), pdfFinding('d', 11, 3, 9), pdfFinding('b', 10, 1)];
  const byLine = findings
    .map((f) => ({ id: f.id, range: toDiagnostic(f).range }))
    .sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  assert.deepEqual(byLine.map((x) => x.id), ['a', 'b', 'c', 'd']);
});

test('a PDF problem has a row naming its page that opens the viewer there, then one that hides it; a LaTeX problem has neither', () => {
  const d = toDiagnostic(pdfFinding('f00d', 3, 7));
  const [show, hide, ...rest] = d.relatedInformation ?? [];
  assert.ok(show && hide);
  assert.deepEqual(rest, []);
  assert.equal(show.message, 'page 3: show in the Tally PDF viewer');
  assert.equal(hide.message, 'page 3: hide this finding (Tally)');
  const [base, fragment] = show.location.uri.split('#');
  assert.equal(base, PDF);
  assert.deepEqual(parsePdfPlaceFragment(fragment), { page: 3, box: [72, 500, 300.3, 512], findingId: 'f00d', action: 'show' });
  // The show row's fragment is the one viewers before hiding existed read: no action in it.
  assert.doesNotMatch(fragment, /action/);
  const [hideBase, hideFragment] = hide.location.uri.split('#');
  assert.equal(hideBase, PDF);
  assert.deepEqual(parsePdfPlaceFragment(hideFragment), { page: 3, box: [72, 500, 300.3, 512], findingId: 'f00d', action: 'hide' });
  assert.notEqual(hide.location.uri, show.location.uri, 'VS Code would open both rows as one editor');
  assert.deepEqual(show.location.range, d.range);
  assert.deepEqual(hide.location.range, d.range);
  const tex = toDiagnostic({ ...pdfFinding('e', 1, 1), range: { uri: 'file:///papers/study.tex', start: { line: 4, character: 0 }, end: { line: 4, character: 3 } } });
  assert.equal(tex.relatedInformation, undefined);
});

test('a LaTeX problem with a related place keeps only that row: no show or hide row', () => {
  const tex = { ...pdfFinding('e', 1, 1), range: { uri: 'file:///papers/study.tex', start: { line: 4, character: 0 }, end: { line: 4, character: 3 } } } as Finding;
  tex.related = [{ uri: 'file:///papers/study.tex', start: { line: 9, character: 0 }, end: { line: 9, character: 3 }, message: '180 people here' }];
  const rows = toDiagnostic(tex).relatedInformation ?? [];
  assert.deepEqual(rows.map((r) => r.message), ['180 people here']);
  assert.ok(rows.every((r) => !r.location.uri.includes('#')));
});

test('a related place on another page of the PDF links to that page', () => {
  const f = pdfFinding('x', 2, 5);
  f.related = [{ uri: PDF, page: 6, start: { line: 2, character: 0 }, end: { line: 2, character: 4 }, message: '180 people here' }];
  const rows = toDiagnostic(f).relatedInformation ?? [];
  assert.deepEqual(rows.map((r) => r.message), ['page 2: show in the Tally PDF viewer', 'page 2: hide this finding (Tally)', 'page 6: 180 people here']);
  assert.deepEqual(parsePdfPlaceFragment(rows[2].location.uri.split('#')[1]), { page: 6, action: 'show' });
  assert.equal(rows[2].location.range.start.line, 6 * 10_000 + 2);
});

test('fragments that are not a Tally place, or are malformed, name no place', () => {
  for (const fragment of ['', 'page=2', 'tally-page=0', 'tally-page=two', 'tally-box=1,2,3,4']) assert.equal(parsePdfPlaceFragment(fragment), undefined, fragment);
  assert.deepEqual(parsePdfPlaceFragment('tally-page=4&box=1,2,x,4'), { page: 4, action: 'show' });
  assert.deepEqual(parsePdfPlaceFragment(pdfPlaceFragment({ page: 9, findingId: 'a b&c' })), { page: 9, findingId: 'a b&c', action: 'show' });
});

test('fragments written before hiding existed still parse, as "show"', () => {
  assert.deepEqual(parsePdfPlaceFragment('tally-page=2&box=72,500.5,300,512&finding=ab12'), { page: 2, box: [72, 500.5, 300, 512], findingId: 'ab12', action: 'show' });
  assert.deepEqual(parsePdfPlaceFragment('tally-page=7'), { page: 7, action: 'show' });
  assert.equal(pdfPlaceFragment({ page: 2, findingId: 'ab12' }), 'tally-page=2&finding=ab12');
  assert.equal(pdfPlaceFragment({ page: 2, findingId: 'ab12', action: 'show' }), 'tally-page=2&finding=ab12');
});

test('a hide fragment round-trips; one without a finding or with an unknown action names no place', () => {
  const fragment = pdfPlaceFragment({ page: 5, box: [1, 2, 3, 4], findingId: 'x/y z', action: 'hide' });
  assert.match(fragment, /^tally-page=5&/);
  assert.deepEqual(parsePdfPlaceFragment(fragment), { page: 5, box: [1, 2, 3, 4], findingId: 'x/y z', action: 'hide' });
  assert.deepEqual(parsePdfPlaceFragment('tally-page=5&finding=ab&action=show'), { page: 5, findingId: 'ab', action: 'show' });
  for (const bad of ['tally-page=5&action=hide', 'tally-page=5&finding=&action=hide', 'tally-page=5&finding=ab&action=delete', 'tally-page=5&finding=ab&action=', 'tally-page=0&finding=ab&action=hide']) {
    assert.equal(parsePdfPlaceFragment(bad), undefined, bad);
  }
});

test('hiding a PDF finding records its id, kind, claim, the sentence, the file and the page', () => {
  const f = pdfFinding('abc123', 4, 2);
  const entry = ignoreEntry({ id: f.id, uri: PDF, kind: f.kind, claim: f.claim, sentence: `  ${f.quote}\n`, range: f.range }, '/papers/.tally-ignore.json', '2026-01-02');
  assert.deepEqual(entry, { id: 'abc123', kind: 'percentage', claim: '41%', sentence: 'Of the 200 people asked, 41% said yes (page 4).', file: 'study.pdf', page: 4, hidden: '2026-01-02' });
  const long = ignoreEntry({ id: 'l', uri: PDF, sentence: 'word '.repeat(200) }, '/papers/.tally-ignore.json', '2026-01-02');
  assert.ok(long.sentence!.length <= 400 && long.sentence!.endsWith('…'));
});
