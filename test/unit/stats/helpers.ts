import { plainPaper } from '../../../src/core/text/plain-paper.ts';
import type { Check, RawFinding } from '../../../src/core/types.ts';

export function run(check: Check, text: string): { findings: RawFinding[]; verified: number; text: string } {
  const out = check(plainPaper(text));
  return { findings: out.findings, verified: out.verified.length, text };
}

export function underlined(text: string, f: RawFinding): string {
  return text.slice(f.span.start, f.span.end);
}
