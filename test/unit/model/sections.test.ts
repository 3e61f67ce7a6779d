import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSections } from '../../../src/core/model/sections.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { Block, PaperText } from '../../../src/core/types.ts';

function paperWithSections(parts: { section: string; text: string; kind?: Block['kind'] }[]): PaperText {
  let text = '';
  const blocks: Block[] = [];
  for (const p of parts) {
    if (text) text += '\n\n';
    blocks.push({ kind: p.kind ?? 'paragraph', start: text.length, end: text.length + p.text.length, section: p.section });
    text += p.text;
  }
  const paper = plainPaper(text);
  return { ...paper, blocks };
}

test('one section per heading, verbatim text, bounded size', () => {
  const long = Array.from({ length: 40 }, (_, i) => `Sentence ${i} reports a value of ${i * 3}.`).join(' ');
  const paper = paperWithSections([
    { section: 'Abstract', text: 'We study body mass index (BMI) in 120 adults. '.repeat(5) },
    { section: 'Methods', text: long },
    { section: 'Results', text: long + ' The mean BMI was 24.1 (Table 1).' },
  ]);
  const sections = buildSections(paper, 1000);
  for (const s of sections) {
    assert.equal(s.text, paper.text.slice(s.start, s.end));
    assert.ok(s.text.length <= 1000);
  }
  assert.ok(sections.some((s) => s.title.startsWith('Results (')));
  const last = sections.at(-1)!;
  assert.ok(last.context.some((c) => c.label === 'Abstract'));
  assert.ok(last.context.some((c) => /Definition of BMI/.test(c.label)));
});

test('cites tables as context', () => {
  const paper = paperWithSections([
    { section: 'Results', text: 'As Table 1 shows, the total is 30 patients in all groups combined, which is what we expected from the design.' },
    { section: 'Tables', text: 'Group A 10 Group B 20 Total 30', kind: 'table' },
  ]);
  paper.tables = [{ caption: 'Patients by group', section: 'Tables', rows: [], start: paper.blocks[1].start, end: paper.blocks[1].end }];
  const sections = buildSections(paper, 100);
  const results = sections.find((s) => s.title.startsWith('Results'))!;
  assert.ok(results.context.some((c) => c.label.startsWith('Table 1') && c.text.includes('Total 30')));
});

test('small neighbouring sections are packed into one request', () => {
  const paper = paperWithSections([
    { section: 'A', text: 'Short one.' },
    { section: 'B', text: 'Short two.' },
  ]);
  const sections = buildSections(paper, 10000);
  assert.equal(sections.length, 1);
  assert.equal(sections[0].title, 'A + B');
});

test('every character of the paper lies in exactly one section to check, text between blocks included', () => {
  const text = 'A Title Line\n\n' + Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} reports ${i * 7 + 3} cases and ${i + 2}% of them.`.repeat(6)).join('\n\n');
  const paper = plainPaper(text);
  // The title is left outside every block, as extractors do with front matter.
  paper.blocks = paper.blocks.slice(1).map((b, i) => ({ ...b, section: i < 3 ? 'Methods' : 'Results' }));
  const sections = buildSections(paper, { maxSectionChars: 300, maxDigestChars: 2000 });
  assert.equal(sections[0].start, 0);
  assert.equal(sections.at(-1)!.end, text.length);
  for (let i = 1; i < sections.length; i++) assert.equal(sections[i].start, sections[i - 1].end);
  // Each request carries a digest of the numbers elsewhere, not of its own section.
  const digest = sections[0].context.find((c) => c.label.startsWith('Digest'));
  assert.ok(digest, JSON.stringify(sections[0].context.map((c) => c.label)));
  assert.match(digest.text, /Paragraph 6 reports 38 cases/);
  assert.doesNotMatch(digest.text, /Paragraph 1 reports 3 cases/);
});
