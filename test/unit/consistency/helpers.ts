// Papers with sections for the consistency tests: each part is a heading, a paragraph, a caption or a
// table (whose caption is also written after it as a caption block).

import type { PaperText } from '../../../src/core/types.ts';
import { buildPaper, type PaperPart } from '../../helpers/paper-text.ts';

export type SectionPart = PaperPart;

export function sectioned(...parts: SectionPart[]): PaperText {
  return buildPaper(parts, { uri: 'file:///paper.tex', captionBlocks: true });
}
