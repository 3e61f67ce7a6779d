import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRestatedParameters } from '../../../src/core/checks/consistency/parameters.ts';
import { sectioned } from './helpers.ts';

test('a cut-off defined in the Methods and restated differently in the Results', () => {
  const p = sectioned({ heading: 'Methods' }, 'Probable insomnia was defined by a cut-off score of 10 on the index.', { heading: 'Results' }, 'Using the cut-off score of 12, a third of the sample screened positive.');
  const out = checkRestatedParameters(p);
  assert.equal(out.findings.length, 1);
  assert.equal(p.text.slice(out.findings[0].span.start, out.findings[0].span.end), '12');
  assert.match(out.findings[0].message, /cut-off score is 12 here; it is given as 10 at line \d+/);
  assert.equal(out.findings[0].severity, 'warning');
});

test('restated parameters: same value, several values on purpose, different units', () => {
  const same = sectioned({ heading: 'Methods' }, 'We trained with a learning rate of 0.001.', { heading: 'Results' }, 'With the learning rate of 1e-3 training converged.');
  assert.equal(checkRestatedParameters(same).findings.length, 0);
  const sweep = sectioned({ heading: 'Methods' }, 'We used a batch size of 32.', { heading: 'Ablation' }, 'We also varied the batch size: a batch size of 64 gave similar results.');
  assert.equal(checkRestatedParameters(sweep).findings.length, 0);
  const units = sectioned({ heading: 'Methods' }, 'The window length was 30 s.', { heading: 'Results' }, 'A window length of 2 min smoothed the trace.');
  assert.equal(checkRestatedParameters(units).findings.length, 0);
});
