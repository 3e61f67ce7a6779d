// The check worker starts with every document the user opens, so what it loads at start-up is on the
// path to the first diagnostics. The model review (and the openai client under it, a quarter of the
// code) must load only when a review is asked for: it sits in a chunk reached by a dynamic import().
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const dist = resolve(import.meta.dirname, '../../dist/server');

/** The files a module loads before it runs: itself and everything reached through static imports. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']|^import\s*["'](\.{1,2}\/[^"']+)["']/gm)) {
      visit(join(dirname(file), m[1] ?? m[2]));
    }
  };
  visit(entry);
  return [...seen];
}

test('the check worker loads the model client only for a review', { skip: !existsSync(join(dist, 'worker.mjs')) && 'run npm run build first' }, () => {
  const loaded = staticClosure(join(dist, 'worker-bundle.mjs'));
  const withClient = loaded.filter((f) => readFileSync(f, 'utf8').includes('node_modules/openai/'));
  assert.deepEqual(withClient, [], 'a file loaded at start-up bundles the openai client');
  const bundle = readFileSync(join(dist, 'worker-bundle.mjs'), 'utf8');
  const lazy = [...bundle.matchAll(/import\(["'](\.\/chunks\/[^"']+)["']\)/g)].map((m) => join(dist, m[1]));
  assert.ok(
    lazy.some((f) => readFileSync(f, 'utf8').includes('node_modules/openai/')),
    'the openai client should be in a chunk the worker imports on demand',
  );
});

test('the CLI main thread loads no paper reader: LaTeX, pdf.js, mathjs and the model client load in its workers, LaTeX for folders only', { skip: !existsSync(join(dist, '../cli/tally.mjs')) && 'run npm run build first' }, () => {
  const cli = join(dist, '../cli');
  const entry = readFileSync(join(cli, 'tally.mjs'), 'utf8');
  const run = [...entry.matchAll(/import\(["'](\.\/chunks\/run-[^"']+)["']\)/g)].map((m) => join(cli, m[1]));
  assert.equal(run.length, 1, 'tally.mjs imports the check runner on demand');
  const loaded = [...new Set([...staticClosure(join(cli, 'tally.mjs')), ...staticClosure(run[0])])];
  for (const library of ['node_modules/@unified-latex/', 'node_modules/mathjs/', 'node_modules/openai/', 'src/core/latex/', 'src/core/pdf/']) {
    assert.deepEqual(loaded.filter((f) => readFileSync(f, 'utf8').includes(`// ${library}`)), [], `the main thread of tally check loads ${library}`);
  }
});
