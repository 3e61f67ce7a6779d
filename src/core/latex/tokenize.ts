// A simple, linear-time LaTeX tokenizer: the fallback when unified-latex is too slow for a file
// (very large inputs) or fails on it. Lenient by design: unbalanced braces, unclosed math and
// unmatched \begin/\end never throw; they are closed or skipped where TeX would complain.

import type { EnvNode, GroupNode, LNode, MathNode, Src } from './ast.ts';
import { VERBATIM_ENVS } from './names.ts';

interface Frame {
  kind: 'root' | 'grp' | 'env' | 'math';
  /** For math: the closing delimiter ('$', '$$', '\\)', '\\]'); for env: its name. */
  close: string;
  start: number;
  children: LNode[];
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c > 127;
}

export function tokenize(text: string, file: number): LNode[] {
  const n = text.length;
  const src = (start: number, end: number): Src => ({ file, start, end, exact: true });
  const stack: Frame[] = [{ kind: 'root', close: '', start: 0, children: [] }];
  const top = (): Frame => stack[stack.length - 1];
  const push = (node: LNode): void => {
    top().children.push(node);
  };

  const closeFrame = (end: number): void => {
    const f = stack.pop()!;
    let node: LNode;
    if (f.kind === 'grp') node = { t: 'grp', c: f.children, src: src(f.start, end) } satisfies GroupNode;
    else if (f.kind === 'env') node = { t: 'env', name: f.close, c: f.children, src: src(f.start, end) } satisfies EnvNode;
    else node = { t: 'math', display: f.close === '$$' || f.close === '\\]', c: f.children, src: src(f.start, end) } satisfies MathNode;
    push(node);
  };
  const inMath = (): Frame | undefined => {
    for (let k = stack.length - 1; k > 0; k--) if (stack[k].kind === 'math') return stack[k];
    return undefined;
  };
  /** Closes frames down to and including the innermost frame matching `pred`, if there is one. */
  const closeTo = (pred: (f: Frame) => boolean, end: number, innerEnd: number): boolean => {
    let k = stack.length - 1;
    while (k > 0 && !pred(stack[k])) k--;
    if (k === 0) return false;
    while (stack.length - 1 > k) closeFrame(innerEnd);
    closeFrame(end);
    return true;
  };

  /** Reads `{name}` after \begin or \end; returns [name, endOffset] or undefined. */
  const readEnvName = (from: number): [string, number] | undefined => {
    let j = from;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] !== '{') return undefined;
    const close = text.indexOf('}', j);
    if (close < 0 || close - j > 80) return undefined;
    const name = text.slice(j + 1, close).trim();
    if (!/^[A-Za-z@*]+$/.test(name)) return undefined;
    return [name, close + 1];
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Backslash: control word or symbol.
    if (c === 92) {
      if (i + 1 >= n) {
        push({ t: 'str', s: '\\', src: src(i, i + 1) });
        i++;
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (isLetter(d)) {
        let j = i + 2;
        while (j < n && isLetter(text.charCodeAt(j))) j++;
        const name = text.slice(i + 1, j);
        if (name === 'begin' || name === 'end') {
          const env = readEnvName(j);
          if (env) {
            const [envName, after] = env;
            if (name === 'begin') {
              if (VERBATIM_ENVS.has(envName)) {
                const endTag = `\\end{${envName}}`;
                const stop = text.indexOf(endTag, after);
                const end = stop < 0 ? n : stop + endTag.length;
                push({ t: 'skip', src: src(i, end) });
                i = end;
              } else {
                stack.push({ kind: 'env', close: envName, start: i, children: [] });
                i = after;
              }
            } else {
              if (!closeTo((f) => f.kind === 'env' && f.close === envName, after, i)) push({ t: 'skip', src: src(i, after) });
              i = after;
            }
            continue;
          }
        }
        if (name === 'verb') {
          let j2 = j;
          if (text[j2] === '*') j2++;
          const delim = text[j2];
          const stop = delim ? text.indexOf(delim, j2 + 1) : -1;
          const nl = text.indexOf('\n', j2 + 1);
          if (delim && stop > 0 && (nl < 0 || stop < nl)) {
            push({ t: 'skip', src: src(i, stop + 1) });
            i = stop + 1;
            continue;
          }
        }
        push({ t: 'mac', name, src: src(i, j) });
        i = j;
        continue;
      }
      const sym = text[i + 1];
      if (sym === '(' || sym === '[') {
        stack.push({ kind: 'math', close: sym === '(' ? '\\)' : '\\]', start: i, children: [] });
        i += 2;
        continue;
      }
      if (sym === ')' || sym === ']') {
        const want = sym === ')' ? '\\)' : '\\]';
        if (!closeTo((f) => f.kind === 'math' && f.close === want, i + 2, i)) push({ t: 'skip', src: src(i, i + 2) });
        i += 2;
        continue;
      }
      // Surrogate pairs after a backslash stay whole.
      const len = d >= 0xd800 && d <= 0xdbff ? 3 : 2;
      push({ t: 'mac', name: text.slice(i + 1, i + len), src: src(i, i + len) });
      i += len;
      continue;
    }
    if (c === 37) {
      // %: comment to the end of the line, with the newline and the next line's indentation.
      let j = text.indexOf('\n', i);
      const lineEnd = j < 0 ? n : j;
      if (j < 0) j = n;
      else {
        j++;
        while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
        // A blank line after the comment is still a paragraph break.
        if (text[j] === '\n' || text[j] === '\r') j = lineEnd;
      }
      push({ t: 'skip', src: src(i, j), comment: text.slice(i + 1, lineEnd) });
      i = j;
      continue;
    }
    if (c === 123) {
      stack.push({ kind: 'grp', close: '}', start: i, children: [] });
      i++;
      continue;
    }
    if (c === 125) {
      if (top().kind === 'grp') closeFrame(i + 1);
      else push({ t: 'skip', src: src(i, i + 1) });
      i++;
      continue;
    }
    if (c === 36) {
      const dbl = text.charCodeAt(i + 1) === 36;
      const delim = dbl ? '$$' : '$';
      const m = inMath();
      if (m && (m.close === '$' || m.close === '$$')) {
        closeTo((f) => f === m, i + m.close.length, i);
        i += m.close.length;
      } else {
        stack.push({ kind: 'math', close: delim, start: i, children: [] });
        i += delim.length;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      let j = i;
      let newlines = 0;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === 10) newlines++;
        else if (e === 13) {
          if (text.charCodeAt(j + 1) !== 10) newlines++;
        } else if (e !== 32 && e !== 9) break;
        j++;
      }
      if (newlines >= 2) {
        // A paragraph break ends unclosed inline math (TeX would stop there with an error).
        const m = inMath();
        if (m) closeTo((f) => f === m, i, i);
        push({ t: 'par', src: src(i, j) });
      } else push({ t: 'ws', src: src(i, j) });
      i = j;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      push({ t: 'str', s: text.slice(i, j), src: src(i, j) });
      i = j;
      continue;
    }
    push({ t: 'str', s: text[i], src: src(i, i + 1) });
    i++;
  }
  while (stack.length > 1) closeFrame(n);
  return stack[0].children;
}
