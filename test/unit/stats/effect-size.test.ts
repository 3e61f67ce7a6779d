// Effect sizes that follow from the F test printed before them, in our own sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEffectSizes, readEffectSizes } from '../../../src/core/checks/stats/effect-size.ts';
import { run, underlined } from './helpers.ts';

function found(text: string): string[] {
  return run(checkEffectSizes, text).findings.map((f) => `${f.severity}:${underlined(text, f)}`);
}
const verified = (text: string) => run(checkEffectSizes, text).verified;

describe('effect size from its F test', () => {
  it('verifies partial eta squared in its spellings', () => {
    // 6.10·2 / (6.10·2 + 88) = .1218
    assert.equal(verified('Load had a main effect, F(2, 88) = 6.10, p = .003, η_p^2 = .12.'), 1);
    assert.equal(verified('Load had a main effect, F(2, 88) = 6.10, p = .003, η^2_p = 0.122.'), 1);
    assert.equal(verified('The interaction was reliable (F(2, 88) = 6.10, MSE = 14.2, p = .003, partial η^2 = .12).'), 1);
    assert.equal(verified('The interaction was reliable, F(2, 88) = 6.10, p = .003, partial eta squared = .12.'), 1);
  });

  it('flags a partial eta squared the F does not give', () => {
    assert.deepEqual(found('Load had a main effect, F(2, 88) = 6.10, p = .003, η_p^2 = .21.'), ['error:.21']);
    assert.deepEqual(found('Cue type mattered, F(1, 40) = 12.5, p < .001, η̂^2_p = .62.'), ['error:.62']);
  });

  it('reads a model R² and Cohen\'s f², with a warning when they disagree', () => {
    // 9.0 / (9.0 + 30) = .2308; f² = 3·4.0 / 120 = 0.10
    assert.equal(verified('The slope was reliable, F(1, 30) = 9.0, p = .005, R^2 = .23.'), 1);
    assert.deepEqual(found('The slope was reliable, F(1, 30) = 9.0, p = .005, R^2 = .32.'), ['warning:.32']);
    assert.equal(verified('Group explained variance, F(3, 120) = 4.0, f^2 = 0.10.'), 1);
  });

  it('leaves alone what the F does not fix', () => {
    // Adjusted R², plain and generalized eta squared, omega squared, an effect size of a later test.
    assert.deepEqual(found('The model fit, F(4, 95) = 6.2, p < .001, R^2_adj = .55.'), []);
    assert.deepEqual(found('The model fit, F(4, 95) = 6.2, p < .001, adjusted R^2 = .55.'), []);
    assert.deepEqual(found('Load mattered, F(2, 88) = 6.10, p = .003, η^2 = .30, ω^2 = .05.'), []);
    assert.deepEqual(found('Load mattered, F(2, 88) = 6.10, p = .003; the follow-up t(44) = 2.1 had η_p^2 = .40.'), []);
    assert.deepEqual(found('The change was reliable, F(1, 90) = 5.0, ΔR^2 = .40.'), []);
    // Agreement only across the rounding of F is not an error (and not verified either).
    assert.deepEqual(found('An effect, F(1, 10) = 0.5, η_p^2 = .05.'), []);
  });

  it('reads the numbers as written', () => {
    const [c] = readEffectSizes('so F(2, 57) = 3.40, p = .04, η_p^2 = .11 in all');
    assert.deepEqual([c.measure, c.df1, c.df2, c.f.text, c.effect.text], ['partial-eta', 2, 57, '3.40', '.11']);
  });
});
