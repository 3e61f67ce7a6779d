import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../../src/core/text/sentences.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

test('abbreviations, decimals and p-values do not end sentences', () => {
  const t = 'As shown by Smith et al. (2020), e.g. in Fig. 2, the mean was 3.2 and p < .05. The second sentence i.e. this one ends here. Third.';
  assert.deepEqual(split(t), [
    'As shown by Smith et al. (2020), e.g. in Fig. 2, the mean was 3.2 and p < .05.',
    'The second sentence i.e. this one ends here.',
    'Third.',
  ]);
});

test('blank lines always end a sentence; initials do not', () => {
  assert.deepEqual(split('Written by J. Smith and A.B. Jones\n\nNext block. Last'), ['Written by J. Smith and A.B. Jones', 'Next block.', 'Last']);
});

test('a sentence may start with a number', () => {
  assert.deepEqual(split('We tested it. 40 products were bought.'), ['We tested it.', '40 products were bought.']);
});

test('linear on a 1 MB pathological line', () => {
  const t = 'a.'.repeat(250_000) + ' e.g.'.repeat(100_000);
  const start = performance.now();
  splitSentences(t);
  assert.ok(performance.now() - start < 1000);
});
