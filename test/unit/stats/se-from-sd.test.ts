// A mean's standard error against the SD and n printed with it. Paraphrases written for these
// tests, each with a wrong twin, and negatives where the SE is not SD / √n of that mean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSeFromSd } from '../../../src/core/checks/stats/se-from-sd.ts';
import { paper, underlined } from '../checks/helpers.ts';

function verdict(sentence: string): { verified: number; flagged: string[] } {
  const p = paper(sentence);
  const out = checkSeFromSd(p);
  return { verified: out.verified.length, flagged: out.findings.map((f) => `${f.severity} ${underlined(p, f)}`) };
}

test('SE = SD / √n in symbols and in words', () => {
  // 88 / √20 = 19.7
  assert.deepEqual(verdict('Latencies (M = 412, SD = 88, SEM = 19.7, n = 20) were long.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('Latencies (M = 412, SD = 88, SEM = 9.7, n = 20) were long.'), { verified: 0, flagged: ['warning 9.7'] });
  assert.deepEqual(verdict('The average was 12.0 (SD 3.0; SE 0.6; n = 25) on day one.'), { verified: 1, flagged: [] });
  assert.deepEqual(verdict('A mean of 12.0 with a standard deviation of 3.0 and a standard error of 1.60 (n = 25).'), { verified: 0, flagged: ['warning 1.60'] });
});

test('two groups, each with its own clause', () => {
  // 1.2 / √40 = 0.19; 1.4 / √38 = 0.23
  const ok = 'Group A (M = 5.1, SD = 1.2, SE = 0.19, n = 40) and group B (M = 4.3, SD = 1.4, SE = 0.23, n = 38) differed.';
  assert.deepEqual(verdict(ok), { verified: 2, flagged: [] });
  assert.deepEqual(verdict(ok.replace('0.23', '0.43')), { verified: 1, flagged: ['warning 0.43'] });
});

test('negatives: a coefficient\'s SE, an SE of a difference, a clause missing one of the three', () => {
  assert.deepEqual(verdict('The slope was 0.4 (SE 0.1), and the mean score was 5.1 (SD = 1.2, n = 40).'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('The mean gain was 2.0 (SD = 4.0, n = 16) and the standard error of the difference was 0.3.'), { verified: 0, flagged: [] });
  assert.deepEqual(verdict('Group A (M = 5.1, SD = 1.2, n = 40) and group B (M = 4.3, SE = 0.2, n = 38) differed.'), { verified: 0, flagged: [] });
});
