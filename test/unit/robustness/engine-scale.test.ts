// Locating findings stays linear in the paragraph: many findings in one paragraph (or one huge sentence)
// must not re-split the block once per finding, nor copy the whole sentence per finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { materialise, sentenceAround } from '../../../src/core/engine.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { RawFinding, TextSpan } from '../../../src/core/types.ts';

function raw(span: TextSpan, i: number): RawFinding {
  return { kind: 'arithmetic', severity: 'error', message: 'does not add up', claim: `claim ${i}`, span };
}

test('20,000 findings in one paragraph of 20,000 sentences are located, each quoting its own sentence', { timeout: 60_000 }, () => {
  const sentences = Array.from({ length: 20_000 }, (_, i) => `Row ${i} gives ${i} + 1 = ${i + 2}.`);
  const text = sentences.join(' ');
  const paper = plainPaper(text, 'file:///tmp/many.tex');
  const raws: RawFinding[] = [];
  let from = 0;
  for (let i = 0; i < sentences.length; i++) {
    const at = text.indexOf(`= ${i + 2}.`, from);
    from = at;
    raws.push(raw({ start: at + 2, end: at + 2 + String(i + 2).length }, i));
  }
  const { findings } = materialise(paper, raws);
  assert.equal(findings.length, 20_000);
  assert.equal(findings[0].quote, sentences[0]);
  assert.equal(findings[12_345].quote, sentences[12_345]);
  assert.equal(findings.at(-1)!.quote, sentences.at(-1));
});

test('50,000 findings in one sentence get bounded quotes', { timeout: 60_000 }, () => {
  const items = Array.from({ length: 50_000 }, (_, i) => `${i} (${i % 100}%)`);
  const text = `Counts were ${items.join(', ')} in all.`;
  const paper = plainPaper(text, 'file:///tmp/one.tex');
  let from = 0;
  const raws = items.map((item, i) => {
    const at = text.indexOf(item, from);
    from = at + item.length;
    return raw({ start: at, end: at + item.length }, i);
  });
  const { findings } = materialise(paper, raws);
  assert.equal(findings.length, 50_000);
  assert.ok(findings.every((f) => (f.quote ?? "").length <= 500));
  assert.ok((findings[0].quote ?? "").startsWith('Counts were 0 (0%), 1 (1%)'));
});

test('a span outside every block still gets a nearby quote', () => {
  const paper = plainPaper('Alpha beta. Gamma delta.', 'file:///tmp/x.tex');
  assert.equal(sentenceAround(paper, { start: 12, end: 17 }), 'Gamma delta.');
});
