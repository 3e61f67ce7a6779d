// Bounds how deeply groups, environments and math nest, so every recursive pass over the tree
// (expansion, conversion) is limited by an explicit depth rather than by the JavaScript stack.

import type { LNode, Src } from './ast.ts';

/** TeX itself stops at 255 grouping levels ("TeX capacity exceeded"), so no real paper goes deeper. */
export const MAX_NESTING = 255;

function hasChildren(n: LNode): n is Extract<LNode, { c: LNode[] }> {
  return n.t === 'grp' || n.t === 'env' || n.t === 'math';
}

/**
 * Empties every group nested deeper than `max` (in place, with an explicit stack) and returns where
 * the first one was, for a note; undefined when nothing was cut.
 */
export function limitNesting(nodes: LNode[], max = MAX_NESTING): Src | undefined {
  let cut: Src | undefined;
  const stack: { list: LNode[]; depth: number }[] = [{ list: nodes, depth: 0 }];
  while (stack.length) {
    const { list, depth } = stack.pop()!;
    for (const n of list) {
      if (!hasChildren(n) || n.c.length === 0) continue;
      if (depth >= max) {
        cut ??= n.src;
        n.c = [];
      } else stack.push({ list: n.c, depth: depth + 1 });
    }
  }
  return cut;
}

/** Appends `items` one by one: spreading a large array into push() overflows the call stack. */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
