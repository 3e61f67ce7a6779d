// The tokenizer (the default front end) against unified-latex (the reference parser): every
// fixture paper and the on-disk test project extract to the same text with either.
// The golden tests' inputs are compared the same way, in helpers.ts.
//
// Allowed differences, and the only ones:
// 1. Whitespace next to an operator or punctuation character inside formulas. unified-latex drops
//    the space after a script group in math (`$x_{i} * y$` gives "x_i* y", `$R^2_{m} / R$` gives
//    "R^2_m/ R"); the tokenizer keeps the source's space. The checks read both the same way.
//    assertSameText() (helpers.ts) therefore ignores whitespace unless it stands between two letters
//    or digits, and reports the first place the texts differ.
// 2. Malformed input only (robustness.test.ts, not compared): an unmatched `{` or `}` or an unclosed
//    `$` is printed as text by unified-latex ("a { b {c d", "$x = 3"); the tokenizer drops it, closing
//    the group or formula where the enclosing environment or paragraph ends ("a b c d", "x = 3").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractLatex, findLatexProject, readFileUri } from '../../../src/core/latex/index.ts';
import { assertSameText } from './helpers.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures/papers');
const PROJECT = path.resolve(import.meta.dirname, '../../fixtures/latex/project');

const dirs: string[] = [PROJECT];
if (fs.existsSync(FIXTURES)) {
  for (const paper of fs.readdirSync(FIXTURES).sort()) {
    for (const version of ['original', 'mutant']) {
      const dir = path.join(FIXTURES, paper, version);
      if (fs.existsSync(dir)) dirs.push(dir);
    }
  }
}

for (const dir of dirs) {
  const { roots, orphans } = findLatexProject(dir);
  for (const file of [...roots, ...orphans]) {
    test(`tokenizer = unified-latex: ${path.relative(path.dirname(path.dirname(dir)), file)}`, () => {
      const source = readFileUri(file) ?? '';
      const uri = pathToFileURL(file).href;
      const simple = extractLatex(source, uri, { readFile: readFileUri, parser: 'simple' });
      const unified = extractLatex(source, uri, { readFile: readFileUri, parser: 'unified' });
      assert.deepEqual(unified.notes.filter((n) => /full parser/.test(n.message)), [], 'unified-latex read every file');
      assertSameText(simple.text, unified.text, file);
      assert.deepEqual(simple.files, unified.files);
      assert.deepEqual(simple.tables.map((t) => t.rows.map((r) => r.length)), unified.tables.map((t) => t.rows.map((r) => r.length)), 'table shapes');
      assert.deepEqual(simple.blocks.map((b) => b.kind), unified.blocks.map((b) => b.kind), 'block kinds');
    });
  }
}
