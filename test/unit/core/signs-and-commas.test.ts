// Minus signs and decimal commas are read once, by the shared number reader, so every check sees
// "−0.3" as negative and "68,7%" as 68.7. Our own sentences, in LaTeX and in plain text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNumbers, formatLike, parseReported, usesDecimalCommas } from '../../../src/core/numbers.ts';
import { readNumbersFast } from '../../../src/core/checks/arithmetic/read-numbers.ts';
import { numbersIn } from '../../../src/core/checks/arithmetic/context.ts';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractLatex } from '../../../src/core/latex/extract.ts';
import { paper } from '../checks/helpers.ts';

const values = (s: string): number[] => findNumbers(s).map((n) => n.value);

function latex(body: string) {
  return extractLatex(`\\documentclass{article}\n\\begin{document}\n${body}\n\\end{document}\n`, 'file:///signs.tex');
}

async function verdicts(body: string): Promise<{ errors: string[]; verified: string[] }> {
  const result = await checkPaper(latex(body));
  return {
    errors: result.findings.filter((f) => f.severity === 'error').map((f) => f.message),
    verified: result.verified.map((v) => v.kind),
  };
}

test('a minus sign is part of its number; a dash between two numbers is not', () => {
  assert.deepEqual(values('fell by −0.3 and by -1.5 and by –2'), [-0.3, -1.5, -2]);
  // A true minus sign set apart after "=" or a bracket, as some PDFs print it.
  assert.deepEqual(values('b = − 0.42 and (− 1.1)'), [-0.42, -1.1]);
  // Ranges and subtractions keep their numbers positive.
  assert.deepEqual(values('aged 21 - 67, or 21–67, and x − 2'), [21, 67, 21, 67, 2]);
  // A hyphen and a space captured before a lone number by a pattern is a sign.
  assert.equal(parseReported('- 0.25')?.value, -0.25);
  assert.equal(parseReported('– 0.25')?.value, -0.25);
});

test('LaTeX math signs reach the text attached to their numbers', () => {
  const p = latex('It changed by $-$5.6 points, by $-0.3$, by \\textminus 2.1 and by $x = -1.2$; we used $n-1$ and $N - 1$ degrees.');
  const nums = numbersIn(p.text, { start: 0, end: p.text.length }).map((n) => n.value);
  assert.deepEqual(nums, [-5.6, -0.3, -2.1, -1.2, 1, 1]);
});

test('a decimal comma is read where it cannot be a thousands separator or a list', () => {
  // One or two digits then a percent sign: a decimal, alone.
  assert.deepEqual(values('in 68,7% of cases'), [68.7]);
  // Two or more such numbers and no decimal points: the sentence writes decimals with commas.
  assert.deepEqual(values('OR 1,61; 95% CI 1,17-2,20'), [1.61, 95, 1.17, 2.2]);
  assert.deepEqual(values('a mean of 3,25 (SD 0,75)'), [3.25, 0.75]);
  // Three digits after the comma is a thousands group, as before.
  assert.deepEqual(values('1,500 people and 12,345.6 euros'), [1500, 12345.6]);
  // A lone pair, a bracketed pair or a citation in a text with decimal points stays what it was.
  assert.deepEqual(values('x in (0,1) with mean 0.52 and sd 0.11'), [0, 0.52, 0.11]);
  assert.deepEqual(values('as shown before [3,12], the rate was 0,45 and 0.37 elsewhere, 2.5 and 1.75'), [3, 0, 0.37, 2.5, 1.75]);
  assert.equal(usesDecimalCommas('values 1,5 and 2,25 and 3,5'), true);
  assert.equal(usesDecimalCommas('values 1,5 and 2.25 and 3.5'), false);
  assert.equal(parseReported('0,45'), undefined);
  assert.equal(parseReported('0,45', 0, true)?.value, 0.45);
  // The fast reader agrees with findNumbers on all of it.
  for (const s of ['in 68,7% of cases', 'OR 1,61; 95% CI 1,17-2,20', '[3,12] 0,45 0.37', 'b = − 0.42, 1,2,3, 4,5 and 6,75%']) {
    assert.deepEqual(readNumbersFast(s, 5), findNumbers(s, 5), s);
    assert.deepEqual(readNumbersFast(s, 5, true), findNumbers(s, 5, true), s);
  }
});

test('a paper that writes decimals with commas has them read in every block, tables too', () => {
  const p = paper('Mean scores were 3,25 and 4,5 in the two arms.', { table: [['Arm', 'Mean'], ['A', '0,45'], ['B', '0,5']] });
  const cell = p.tables[0].rows[1][1];
  assert.deepEqual(numbersIn(p.text, cell).map((n) => n.value), [0.45]);
  // The same cell in a paper with decimal points stays as it was.
  const q = paper('Mean scores were 3.25 and 4.5 in the two arms.', { table: [['Arm', 'Mean'], ['A', '0,45'], ['B', '0,5']] });
  assert.deepEqual(numbersIn(q.text, q.tables[0].rows[1][1]).map((n) => n.value), [0]);
});

test('a recomputed value is written with the paper\'s decimal comma and sign', () => {
  const [pct] = findNumbers('68,7%');
  assert.equal(formatLike(pct, 68.2), '68,2%');
  const [neg] = findNumbers('−0.30');
  assert.equal(formatLike(neg, -0.25), '−0.25');
  const [thousands] = findNumbers('12,345.6');
  assert.equal(formatLike(thousands, 12000.04), '12,000.0');
});

test('checks see negative numbers: a mean against its negative range', async () => {
  assert.deepEqual(await verdicts('The mean weight change was $-2.4$ (range $-5.1$ to $-0.3$).'), { errors: [], verified: ['mean-range'] });
  const wrong = await verdicts('The mean weight change was $-$6.0 (range $-$5.1 to $-$0.3).');
  assert.equal(wrong.errors.length, 1);
  assert.match(wrong.errors[0], /-6\.0/);
});

test('checks see negative numbers: a coefficient, its SE and its z', async () => {
  const ok = await verdicts('Age lowered the score, $\\beta = -0.48$, SE $= 0.12$, $z = -4.00$, $p < .001$.');
  assert.deepEqual(ok.errors, []);
  assert.ok(ok.verified.includes('coef-t'));
});

test('checks see decimal commas: a share of a count and an interval', async () => {
  const right = await verdicts('Of the 230 patients, 158 (68,7\\%) were women.');
  assert.deepEqual(right.errors, []);
  assert.ok(right.verified.includes('percentage'));
  const share = await verdicts('Of the 230 patients, 158 (62,7\\%) were women.');
  assert.match(share.errors.join(), /62,7%/);
  const inside = await verdicts('The adjusted hazard ratio was 2,31 (95\\% CI 1,40-3,82).');
  assert.deepEqual(inside, { errors: [], verified: ['interval'] });
  const outside = await verdicts('The adjusted hazard ratio was 1,20 (95\\% CI 1,45-3,82).');
  assert.match(outside.errors.join(), /1,20/);
});

test('decimal commas are not split into a sum of their digits', async () => {
  // Read digit by digit, "12,4% to 9,1%, a drop of 3,3" would look like 9 + 3 = 12.
  const r = await verdicts('The share fell from 12,4\\% to 9,1\\%, a drop of 3,3 percentage points.');
  assert.ok(!r.verified.includes('parts-total'), JSON.stringify(r));
});
