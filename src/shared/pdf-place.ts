// A place in a PDF named in a URI's fragment: `paper.pdf#tally-page=2&box=72,500.5,300,512&finding=<id>`,
// with `&action=hide` when opening it should hide the finding instead of showing it. The server puts
// these on a PDF problem's related rows; VS Code hands a custom editor the URI (never the selection it
// opens a problem with), so the viewer reads the place and the action from the fragment.

/** What opening the place does: move the viewer there, or hide the finding (with an Undo). */
export type PdfPlaceAction = 'show' | 'hide';

export interface PdfPlace {
  /** 1-based page. */
  page: number;
  /** [x0, y0, x1, y1] in PDF user-space units on that page. */
  box?: [number, number, number, number];
  findingId?: string;
  /** Written only when it is `hide`; a fragment without one (every fragment before hiding existed) shows. */
  action?: PdfPlaceAction;
}

const PREFIX = 'tally-';

export function pdfPlaceFragment(place: PdfPlace): string {
  const params = new URLSearchParams({ page: String(place.page) });
  if (place.box) params.set('box', place.box.map((n) => Math.round(n * 10) / 10).join(','));
  if (place.findingId) params.set('finding', place.findingId);
  if (place.action === 'hide') params.set('action', 'hide');
  return PREFIX + params.toString().replace(/%2C/g, ',');
}

/**
 * The place a fragment names, with its action (`show` unless it says `hide`), or undefined when it is
 * not one of ours or is malformed: no page, an action we do not know, or `hide` without a finding
 * (hiding must name what it hides; an unknown action is not guessed at).
 */
export function parsePdfPlaceFragment(fragment: string): (PdfPlace & { action: PdfPlaceAction }) | undefined {
  if (!fragment.startsWith(PREFIX)) return undefined;
  const params = new URLSearchParams(fragment.slice(PREFIX.length));
  const page = Number(params.get('page'));
  if (!Number.isInteger(page) || page < 1) return undefined;
  const box = params.get('box')?.split(',').map(Number);
  const findingId = params.get('finding');
  const action = params.get('action') ?? 'show';
  if (action !== 'show' && action !== 'hide') return undefined;
  if (action === 'hide' && !findingId) return undefined;
  return {
    page,
    ...(box?.length === 4 && box.every(Number.isFinite) ? { box: box as PdfPlace['box'] } : {}),
    ...(findingId ? { findingId } : {}),
    action,
  };
}
