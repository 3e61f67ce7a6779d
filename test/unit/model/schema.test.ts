import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseContent, salvageFindings, validateAnswer } from '../../../src/core/model/schema.ts';

const good = { quote: 'a total of 17', kind: 'parts-total', explanation: '8 + 10 is 18.', expression: '8 + 10', reported: '17', corrected: '18', confidence: 0.8 };

test('accepts a valid answer', () => {
  const v = validateAnswer({ findings: [good] });
  assert.ok(v.ok);
  assert.deepEqual(v.ok && v.findings, [{ ...good, secondQuote: null }]);
  const withSecond = validateAnswer({ findings: [{ ...good, second_quote: 'two groups of 8 and 10' }] });
  assert.equal(withSecond.ok && withSecond.findings[0].secondQuote, 'two groups of 8 and 10');
});

test('rejects a bad top level', () => {
  for (const bad of [null, [], 'x', 3, {}, { findings: 'none' }]) assert.equal(validateAnswer(bad).ok, false, JSON.stringify(bad));
});

test('rejects bad findings one by one, keeps the good ones', () => {
  const v = validateAnswer({
    findings: [
      good,
      { ...good, kind: 'rm -rf' },
      { ...good, quote: '' },
      { ...good, confidence: 7 },
      { ...good, confidence: '0.5' },
      { ...good, expression: { $gt: 1 } },
      { ...good, quote: 'x'.repeat(5000) },
      'string finding',
    ],
  });
  assert.ok(v.ok);
  if (!v.ok) return;
  assert.equal(v.findings.length, 1);
  assert.equal(v.rejected.length, 7);
});

test('missing optional fields are null; control characters are removed', () => {
  const v = validateAnswer({ findings: [{ quote: 'a\u202etotal', kind: 'model', explanation: 'odd', confidence: 0.2, extra: 'ignored' }] });
  assert.ok(v.ok);
  if (!v.ok) return;
  assert.deepEqual(v.findings[0], { quote: 'atotal', secondQuote: null, kind: 'model', explanation: 'odd', expression: null, reported: null, corrected: null, confidence: 0.2 });
});

test('parses content with or without a code fence', () => {
  assert.deepEqual(parseContent('{"findings":[]}'), { findings: [] });
  assert.deepEqual(parseContent('```json\n{"findings":[]}\n```'), { findings: [] });
  assert.deepEqual(parseContent('Here you go:\n{"findings":[]}\nHope this helps.'), { findings: [] });
  assert.throws(() => parseContent('Sure! Here are the findings: none'));
  assert.throws(() => parseContent('Sure! {"findings": [ {"quote": "a'));
});

test('parses answers wrapped in prose, a fence after prose, or after a <think> block', () => {
  assert.deepEqual(parseContent('I checked every table.\n\n```json\n{"findings":[]}\n```\nThat is all.'), { findings: [] });
  assert.deepEqual(parseContent('<think>The totals {maybe} add up.</think>\n{"findings":[]}'), { findings: [] });
});

test('an answer cut off at the length limit keeps the findings it completed', () => {
  const cut = '{"findings": [' + JSON.stringify(good) + ', {"quote": "the second one was cut o';
  assert.throws(() => parseContent(cut));
  assert.deepEqual(salvageFindings(cut), { findings: [good] });
  assert.equal(salvageFindings('{"findings": [{"quote": "cut'), undefined);
  assert.equal(salvageFindings('no json at all'), undefined);
});
