// Bitmap (Type 3) TeX fonts without a ToUnicode map (made with scripts/build-example-pdf.sh
// --fixtures): dashes and ligatures arrive as control codes and must not vanish, or a range
// "10–14" reads as the number 1014.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkPaper } from '../../../src/core/engine.ts';
import { extractPdf } from '../../../src/core/pdf/index.ts';
import { normalizeText } from '../../../src/core/pdf/normalize.ts';
import { fixtureBytes, fixtureUri } from './helpers.ts';

const read = () => extractPdf(fixtureBytes('bitmap-fonts.pdf'), fixtureUri('bitmap-fonts.pdf'));

it('reads dashes and ligatures of a T1-encoded bitmap font', async () => {
  const text = (await read()).text;
  assert.match(text, /for 10–14 months/);
  assert.match(text, /early—mostly in the first weeks—and/);
  assert.match(text, /the effect on the other 90 was significant for fifty of them, with an affine drift/);
  assert.doesNotMatch(text, /1014/);
});

it('reads the ligatures of an OT1-encoded bitmap font', async () => {
  const text = (await read()).text;
  assert.match(text, /the coefficient for the remaining 60/);
  assert.match(text, /and the office sta/);
  // pdfjs itself turns OT1's fi and ff (form feed, vertical tab) into spaces: beyond reach.
});

it('finds no number glued from a range in such a font', async () => {
  const result = checkPaper(await read());
  assert.deepEqual(result.findings.map((f) => f.message), []);
});

it('leaves control codes of one encoding alone in a fragment showing the other', () => {
  // An OT1 ligature code next to a Cork one: neither reading is safe, so both go as before.
  assert.equal(normalizeText('a\u000Cb\u001Cc'), 'abc');
  assert.equal(normalizeText('3\u00154 e\u001Bect'), '3–4 effect');
  assert.equal(normalizeText('o\u000Ece'), 'office');
});
