// A gap the prose states between two cells of the table just before it. Our own tables and sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableTextDifferences } from '../../../src/core/checks/arithmetic/table-text.ts';
import { paper, underlined } from './helpers.ts';

const GRADES = { table: [['Grade', 'Accuracy', 'Fluency'], ['A', '2.10', '3.05'], ['B', '2.44', '3.20'], ['C', '3.02', '3.31']] };
const REGIONS = { table: [['Region', 'Spring', 'Autumn'], ['Urban', '61.5', '59.0'], ['Rural', '55.2', '57.9'], ['Coastal', '58.8', '58.1']] };

function run(...parts: Parameters<typeof paper>) {
  const p = paper(...parts);
  const out = checkTableTextDifferences(p);
  return { verified: out.verified.length, findings: out.findings.map((f) => [underlined(p, f), f.severity]) };
}

test('two rows and a column named after the table: the stated gap is their difference', () => {
  assert.deepEqual(run(GRADES, 'The step from grade B to C is the largest, a mean difference of 0.58 on accuracy.'), { verified: 1, findings: [] });
  assert.deepEqual(run(GRADES, 'The step from grade B to C is the largest, a mean difference of 0.68 on accuracy.'), { verified: 0, findings: [['0.68', 'warning']] });
  // The gap said after the number, the rows named in the other order.
  assert.deepEqual(run(GRADES, 'On fluency, grade C scored 0.26 points higher than A.'), { verified: 1, findings: [] });
  assert.deepEqual(run(GRADES, 'On fluency, grade C scored 0.36 points higher than A.').findings.length, 1);
});

test('long row names are errors when the gap is off; one row and two columns work too', () => {
  assert.deepEqual(run(REGIONS, 'In autumn the gap between urban and rural areas narrowed to 1.1 points, against 6.3 in spring.'), { verified: 0, findings: [] });
  assert.deepEqual(run(REGIONS, 'Urban areas were higher by 6.3 than rural areas in Spring.'), { verified: 1, findings: [] });
  assert.deepEqual(run(REGIONS, 'Urban areas were higher by 5.3 than rural areas in Spring.'), { verified: 0, findings: [['5.3', 'error']] });
  assert.deepEqual(run(REGIONS, 'For rural areas, Autumn was higher than Spring by 2.7.'), { verified: 1, findings: [] });
  assert.deepEqual(run(REGIONS, 'For rural areas, Autumn was higher than Spring by 3.7.').findings.length, 1);
});

test('what is not a stated gap between two cells stays silent', () => {
  // The numbers are the cells themselves.
  assert.deepEqual(run(GRADES, 'Accuracy rose from 2.44 for grade B to 3.02 for grade C.'), { verified: 0, findings: [] });
  // A test statistic, not a gap.
  assert.deepEqual(run(GRADES, 'The difference in accuracy between grade B and C was significant, t = 2.91.'), { verified: 0, findings: [] });
  // A relative change.
  assert.deepEqual(run(GRADES, 'Accuracy at grade C was 44% higher than at grade A.'), { verified: 0, findings: [] });
  // The article "A" is not the row A.
  assert.deepEqual(run(GRADES, 'A difference of 0.9 on accuracy separated grade B from C.').findings.length, 1);
  assert.deepEqual(run(GRADES, 'A larger difference of 0.9 was seen on accuracy for B.'), { verified: 0, findings: [] });
  // Too far from the table, with no "Table 1" to link it.
  assert.deepEqual(run(GRADES, 'One.', 'Two.', 'Three.', 'Four.', 'The step from grade B to C is the largest, a mean difference of 0.68 on accuracy.'), { verified: 0, findings: [] });
  // Two numbers left beside the cells: which one is the gap is not certain.
  assert.deepEqual(run(GRADES, 'Between grade B and C accuracy differed by 0.68 across 12 schools.'), { verified: 0, findings: [] });
});

test('a list of gaps, one per column, after a sentence that names the two rows', () => {
  const forms = { table: [['Form', 'Recall', 'Precision'], ['short_form', '2.31', '2.80'], ['mid_form', '2.52', '2.86'], ['long_form', '2.93', '3.13']] };
  const ok = 'Going from mid_form to long_form gives the biggest change. It is the largest jump on both measures (recall: a mean difference of 0.41, d = 0.30; precision: 0.27, d = 0.21).';
  assert.deepEqual(run(forms, ok), { verified: 2, findings: [] });
  const bad = ok.replace('0.27', '0.37');
  assert.deepEqual(run(forms, bad), { verified: 1, findings: [['0.37', 'error']] });
  // Without the sentence that names the rows, nothing is read.
  assert.deepEqual(run(forms, 'It is the largest jump on both measures (recall: a mean difference of 0.41, d = 0.30; precision: 0.37, d = 0.21).'), { verified: 0, findings: [] });
});

test('a ratio of two cells said as "N times" or "N-fold"', () => {
  const times = { table: [['Build', 'Small input', 'Large input'], ['CPU build', '12.0', '96.0'], ['GPU build', '4.0', '30.0']] };
  assert.deepEqual(run(times, 'On the large input the GPU build was 3.2 times as fast as the CPU build.'), { verified: 1, findings: [] });
  assert.deepEqual(run(times, 'On the large input the GPU build was 4.2 times as fast as the CPU build.'), { verified: 0, findings: [['4.2', 'error']] });
  assert.deepEqual(run(times, 'For the CPU build, the large input took 8-fold the time of the small input.'), { verified: 1, findings: [] });
  // "2.2 times faster" may mean 3.2 times as fast: left alone.
  assert.deepEqual(run(times, 'On the large input the GPU build was 2.2 times faster than the CPU build.'), { verified: 0, findings: [] });
  // A short row name is only a warning.
  assert.deepEqual(run(GRADES, 'Accuracy at grade C was 1.4 times that at grade A.'), { verified: 1, findings: [] });
  assert.deepEqual(run(GRADES, 'Accuracy at grade C was 1.9 times that at grade A.').findings.map((f) => f[1]), ['warning']);
});
