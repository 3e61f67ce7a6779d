import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableReferences } from '../../../src/core/checks/consistency/table-reference.ts';
import { sectioned } from './helpers.ts';

const RESULTS = { table: [['Site', 'Nitrate (mg/L)', 'Phosphate (mg/L)'], ['Upper weir', '4.12', '0.31'], ['Lower weir', '6.80', '0.52']] };

test('text citing a table gives another value for a row and column it names: an error naming both values', () => {
  const p = sectioned({ heading: 'Results' }, RESULTS, 'As Table 1 shows, nitrate at the lower weir reached 8.60 mg/L.');
  const out = checkTableReferences(p);
  assert.equal(out.findings.length, 1);
  const f = out.findings[0];
  assert.equal(f.severity, 'error');
  assert.equal(p.text.slice(f.span.start, f.span.end), '8.60');
  assert.match(f.message, /8\.60 here for lower weir, nitrate/);
  assert.match(f.message, /Table 1 \(line \d+\) gives 6\.80/);
  assert.equal(f.related?.[0].message, '6.80 for lower weir, nitrate');
});

test('text citing a table: agreement at the printed precision, a [ref] citation, and shares written as fractions', () => {
  const rounded = sectioned({ heading: 'Results' }, RESULTS, 'Nitrate at the lower weir reached 6.8 mg/L (Table [ref]).');
  assert.equal(checkTableReferences(rounded).findings.length, 0);
  assert.equal(checkTableReferences(rounded).verified.length, 1);
  const shares = { table: [['Model', 'Accuracy', 'F1'], ['TreeLSTM', '0.853', '0.801']] };
  const pct = sectioned({ heading: 'Results' }, shares, 'Table 1 lists TreeLSTM with an accuracy of 85.3%.');
  assert.equal(checkTableReferences(pct).findings.length, 0);
});

test('text citing a table: no finding without both labels, for comparisons, or without a citation', () => {
  const rowOnly = sectioned({ heading: 'Results' }, RESULTS, 'Table 1 shows that the lower weir had 8.60 of something else.');
  assert.equal(checkTableReferences(rowOnly).findings.length, 0);
  const comparison = sectioned({ heading: 'Results' }, RESULTS, 'In Table 1, nitrate at the lower weir was higher by 2.68 mg/L than upstream.');
  assert.equal(checkTableReferences(comparison).findings.length, 0);
  const uncited = sectioned({ heading: 'Results' }, RESULTS, 'Nitrate at the lower weir reached 8.60 mg/L in a later survey.');
  assert.equal(checkTableReferences(uncited).findings.length, 0);
  // A sentence citing Table 2 is not compared with Table 1.
  const other = sectioned({ heading: 'Results' }, RESULTS, { table: [['Site', 'Flow'], ['Upper weir', '3.2']] }, 'Table 2 gives nitrate at the lower weir as 8.60 mg/L.');
  assert.equal(checkTableReferences(other).findings.length, 0);
});

test('text citing a table: a count or a number of another kind in the clause is not the cell', () => {
  const scores = { table: [['Model', 'Accuracy'], ['GraphX', '0.85']] };
  const epochs = sectioned({ heading: 'Results' }, scores, 'Table 1 shows the accuracy of GraphX after 20 epochs of training.');
  assert.equal(checkTableReferences(epochs).findings.length, 0);
  const integer = sectioned({ heading: 'Results' }, scores, 'Table 1 gives the accuracy of GraphX on split 3.');
  assert.equal(checkTableReferences(integer).findings.length, 0);
  const wrong = sectioned({ heading: 'Results' }, scores, 'Table 1 gives GraphX an accuracy of 0.58.');
  assert.equal(checkTableReferences(wrong).findings.length, 1);
  const pct = sectioned({ heading: 'Results' }, scores, 'Table 1 gives GraphX an accuracy of 58%.');
  assert.equal(checkTableReferences(pct).findings.length, 1);
});

test('text whose paragraph (not its sentence) cites the table: a warning, the link being looser', () => {
  const p = sectioned({ heading: 'Results' }, RESULTS, 'Table 1 lists the monthly means. Nitrate at the lower weir reached 8.60 mg/L.');
  const out = checkTableReferences(p);
  assert.equal(out.findings.length, 1);
  assert.equal(out.findings[0].severity, 'warning');
});

test('text citing a table: a run of test statistics names the row and column but pairs with no cell for sure', () => {
  const corr = { table: [['Variable', 'Warmth', 'Trust'], ['Contact', '0.31', '0.12'], ['Threat', '-0.20', '-0.08']] };
  const p = sectioned({ heading: 'Results' }, corr, 'As in Table 1, contact predicted trust (b = 0.07, t(210) = 2.41, p = .017, 95% CI [0.02, 0.13]).');
  assert.equal(checkTableReferences(p).findings.length, 0);
});

test('a spread or a symbol\'s value in the text is not the estimate or count of a cell', () => {
  const effects = { table: [['Outcome', 'Effect', 'SE'], ['Turnout', '0.050', '(0.363)'], ['Registrations', '0.210', '(0.090)']] };
  const spread = sectioned({ heading: 'Results' }, effects, 'Table 1 gives a turnout effect of 0.05 with a standard error of 0.36.');
  assert.deepEqual(checkTableReferences(spread).findings, []);
  const sites = { table: [['Group', 'Sites', 'Turnout'], ['Treated', '197', '61.2'], ['Control', '212', '63.0']] };
  const symbol = sectioned({ heading: 'Results' }, sites, 'In Table 1, at lag k = 4, treated sites fall behind the controls.');
  assert.deepEqual(checkTableReferences(symbol).findings, []);
  const stated = sectioned({ heading: 'Results' }, sites, 'Table 1 gives a turnout of 66.1 for the treated group.');
  assert.equal(checkTableReferences(stated).findings.length, 1);
});
