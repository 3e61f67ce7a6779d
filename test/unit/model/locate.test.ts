import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateNumber, locateQuote, parseModelNumber } from '../../../src/core/model/locate.ts';
import { plainPaper } from '../../../src/core/text/plain-paper.ts';

const slice = (text: string, span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);

test('finds a verbatim quote', () => {
  const text = 'Intro.\n\nOf the 120 patients, 42 (35%) responded to treatment.';
  const paper = plainPaper(text);
  assert.equal(slice(text, locateQuote(paper, '42 (35%) responded')), '42 (35%) responded');
});

test('tolerates whitespace, line breaks, curly quotes, dashes and minus variants', () => {
  const text = 'The effect was \u22123.2 \u2013 a \u201clarge\u201d\nchange\u2014overall.';
  const paper = plainPaper(text);
  const span = locateQuote(paper, 'effect was -3.2 - a "large" change-overall');
  assert.equal(slice(text, span), 'effect was \u22123.2 \u2013 a \u201clarge\u201d\nchange\u2014overall');
});

test('tolerates hyphenation at a line break and case drift', () => {
  const text = 'the treat-\nment group gained 4.5 kg on average';
  const paper = plainPaper(text);
  assert.equal(slice(text, locateQuote(paper, 'The treatment group gained 4.5 kg')), 'the treat-\nment group gained 4.5 kg');
});

test('tolerates LaTeX leftovers and ligatures', () => {
  const text = 'We \ufb01nd that 12% of participants';
  const paper = plainPaper(text);
  assert.equal(slice(text, locateQuote(paper, 'we find that $12\\%$ of participants')), 'We \ufb01nd that 12% of participants');
});

test('an elided quote spans its fragments', () => {
  const text = 'The total was 17, made up of 8 men and 10 women in the trial.';
  const paper = plainPaper(text);
  assert.equal(slice(text, locateQuote(paper, 'The total was 17 ... 10 women')), 'The total was 17, made up of 8 men and 10 women');
});

test('a hallucinated or too-short quote is not found', () => {
  const paper = plainPaper('Of the 120 patients, 42 (35%) responded.');
  assert.equal(locateQuote(paper, 'Of the 130 patients, 42 responded'), undefined);
  assert.equal(locateQuote(paper, '42'), undefined);
  assert.equal(locateQuote(paper, ''), undefined);
});

test('prefers an occurrence inside the preferred range', () => {
  const text = 'A total of 5 units.\n\nLater: a total of 5 units.';
  const paper = plainPaper(text);
  const second = { start: text.indexOf('Later'), end: text.length };
  assert.equal(locateQuote(paper, 'total of 5 units', [second])!.start, text.lastIndexOf('total'));
  assert.equal(locateQuote(paper, 'total of 5 units')!.start, text.indexOf('total'));
});

test('locates the reported number inside the quote, the last one with that value', () => {
  const text = 'We had 12 + 12 = 25 cases, 25 of them mild.';
  const paper = plainPaper(text);
  const quote = locateQuote(paper, '12 + 12 = 25 cases')!;
  const n = locateNumber(paper, quote, '25')!;
  assert.equal(n.start, text.indexOf('25'));
  assert.equal(n.text, '25');
  assert.equal(locateNumber(paper, quote, '26'), undefined);
});

test('parses model numbers with units and percent', () => {
  assert.deepEqual(
    (({ number, unit }) => ({ v: number.value, unit }))(parseModelNumber('420 \u00b5g/day')!),
    { v: 420, unit: '\u00b5g/day' },
  );
  assert.equal(parseModelNumber('35%')!.number.percent, true);
  assert.equal(parseModelNumber('\u22123.2')!.number.value, -3.2);
  assert.equal(parseModelNumber('about'), undefined);
});
