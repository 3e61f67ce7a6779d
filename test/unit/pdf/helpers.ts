// Shared helpers for the PDF extractor tests.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PaperText } from '../../../src/core/types.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'pdf');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureUri(name: string): string {
  return pathToFileURL(join(FIXTURES, name)).href;
}

/** Blocks with their kind and section, as the golden files hold them. */
export function renderBlocks(paper: PaperText): string {
  return paper.blocks.map((b) => `[${b.kind} | ${b.section}]\n${paper.text.slice(b.start, b.end)}\n`).join('\n');
}

/** The page a piece of text is printed on. */
export function pageOf(paper: PaperText, needle: string, from = 0): number | undefined {
  const i = paper.text.indexOf(needle, from);
  return i < 0 ? undefined : paper.map.toSource(i, i + needle.length).page;
}
