import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkStatPairs } from '../../../src/core/checks/stats/stat-pairs.ts';
import { run, underlined } from './helpers.ts';

function found(text: string): string[] {
  return run(checkStatPairs, text).findings.map((f) => `${f.kind}:${f.severity}:${underlined(text, f)}`);
}

describe('two statistics for one test', () => {
  it('accepts F(1, df) = t² within rounding and flags a t that is not its root', () => {
    assert.deepEqual(found('The contrast held, F(1, 52) = 6.76 (t = 2.60).'), []);
    assert.equal(run(checkStatPairs, 'The contrast held, F(1, 52) = 6.76 (t = 2.60).').verified, 1);
    assert.deepEqual(found('The contrast held, F(1, 52) = 6.76 (t = 3.60).'), ['stat-pair:error:3.60']);
    // √6.755 = 2.599 and √6.765 = 2.601: t = 2.6 fits, with its own rounding.
    assert.deepEqual(found('The contrast held, F(1, 52) = 6.76, t(52) = 2.6.'), []);
  });

  it('checks a correlation against its t', () => {
    // r = .42 with 38 df: t = .42·√38/√(1 − .1764) = 2.853.
    assert.deepEqual(found('Sleep and mood were related, r(38) = .42, t(38) = 2.85.'), []);
    assert.deepEqual(found('Sleep and mood were related, r(38) = .42, t(38) = 3.85.'), ['stat-pair:error:3.85']);
  });

  it('leaves F with several numerator df and a t of another df alone', () => {
    assert.deepEqual(found('Groups differed, F(2, 52) = 6.76, t = 3.60.'), []);
    assert.deepEqual(found('The contrast held, F(1, 52) = 6.76, t(30) = 3.60.'), []);
  });
});
