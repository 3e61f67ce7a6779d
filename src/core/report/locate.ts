// Human-readable locations shared by the report formats.

import type { SourceRange } from '../types.ts';

/** The last path segment of a file URI, decoded. */
export function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** "paper.tex:12:5" or "paper.pdf p. 3, line 14" (1-based, as people count). */
export function describeLocation(range: SourceRange, relativeTo?: string): string {
  let name = fileName(range.uri);
  if (relativeTo && range.uri.startsWith(relativeTo)) name = decodeURIComponent(range.uri.slice(relativeTo.length).replace(/^\//, ''));
  if (range.page !== undefined) return `${name} p. ${range.page}, line ${range.start.line + 1}`;
  return `${name}:${range.start.line + 1}:${range.start.character + 1}`;
}
