// A place in a PDF named in a URI's fragment: `paper.pdf#tally-page=2&box=72,500.5,300,512&finding=<id>`.
// The server puts it on a PDF problem's related row; VS Code hands a custom editor the URI (never
// the selection it opens a problem with), so the viewer reads the place from the fragment.

export interface PdfPlace {
  /** 1-based page. */
  page: number;
  /** [x0, y0, x1, y1] in PDF user-space units on that page. */
  box?: [number, number, number, number];
  findingId?: string;
}

const PREFIX = 'tally-';

export function pdfPlaceFragment(place: PdfPlace): string {
  const params = new URLSearchParams({ page: String(place.page) });
  if (place.box) params.set('box', place.box.map((n) => Math.round(n * 10) / 10).join(','));
  if (place.findingId) params.set('finding', place.findingId);
  return PREFIX + params.toString().replace(/%2C/g, ',');
}

/** The place a fragment names, or undefined when it is not one of ours (or is malformed). */
export function parsePdfPlaceFragment(fragment: string): PdfPlace | undefined {
  if (!fragment.startsWith(PREFIX)) return undefined;
  const params = new URLSearchParams(fragment.slice(PREFIX.length));
  const page = Number(params.get('page'));
  if (!Number.isInteger(page) || page < 1) return undefined;
  const box = params.get('box')?.split(',').map(Number);
  const findingId = params.get('finding');
  return {
    page,
    ...(box?.length === 4 && box.every(Number.isFinite) ? { box: box as PdfPlace['box'] } : {}),
    ...(findingId ? { findingId } : {}),
  };
}
