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

/** A one-page PDF with the given (uncompressed) content stream and Helvetica as /F1. */
export function minimalPdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
