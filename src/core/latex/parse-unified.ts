// unified-latex's PEG parser, turned into the extractor's own syntax tree.

import { parseMinimal } from '@unified-latex/unified-latex-util-parse';
import type { LNode, Src } from './ast.ts';

interface UPos { start: { offset: number }; end: { offset: number } }
interface UNode {
  type: string;
  content?: string | UNode[];
  env?: string | UNode;
  escapeToken?: string;
  position?: UPos;
}

function convert(nodes: readonly UNode[], file: number, parent: Src, text: string): LNode[] {
  const out: LNode[] = [];
  for (const u of nodes) {
    const src: Src = u.position ? { file, start: u.position.start.offset, end: u.position.end.offset, exact: true } : { ...parent, exact: false };
    const kids = (): LNode[] => (Array.isArray(u.content) ? convert(u.content, file, src, text) : []);
    switch (u.type) {
      case 'string':
        out.push({ t: 'str', s: String(u.content ?? ''), src });
        break;
      case 'whitespace':
        out.push({ t: 'ws', src });
        break;
      case 'parbreak':
        out.push({ t: 'par', src });
        break;
      case 'comment': {
        // unified-latex folds the space before a same-line comment into it; TeX keeps that space.
        const lead = (u as { leadingWhitespace?: boolean }).leadingWhitespace && (u as { sameline?: boolean }).sameline;
        const pct = lead && src.exact ? text.indexOf('%', src.start) : -1;
        if (pct > src.start && pct < src.end) {
          out.push({ t: 'ws', src: { ...src, end: pct } });
          out.push({ t: 'skip', src: { ...src, start: pct }, comment: String(u.content ?? '') });
        } else out.push({ t: 'skip', src, comment: String(u.content ?? '') });
        break;
      }
      case 'macro':
        // In math mode unified-latex makes ^ and _ macros without an escape token.
        if (u.escapeToken === '') out.push({ t: 'str', s: String(u.content), src });
        else out.push({ t: 'mac', name: String(u.content), src });
        break;
      case 'group':
        out.push({ t: 'grp', c: kids(), src });
        break;
      case 'environment':
      case 'mathenv': {
        const name = typeof u.env === 'string' ? u.env : String(u.env?.content ?? '');
        out.push({ t: 'env', name, c: kids(), src });
        break;
      }
      case 'inlinemath':
        out.push({ t: 'math', display: false, c: kids(), src });
        break;
      case 'displaymath':
        out.push({ t: 'math', display: true, c: kids(), src });
        break;
      default:
        // verbatim, verb and anything unknown contribute no text.
        out.push({ t: 'skip', src });
    }
  }
  return out;
}

/** Parses with unified-latex. Throws when the parser does (the caller falls back). */
export function parseWithUnified(text: string, file: number): LNode[] {
  const root = parseMinimal(text) as unknown as { content: UNode[] };
  return convert(root.content, file, { file, start: 0, end: text.length, exact: true }, text);
}
