// The PDF extractor's intermediate data: positioned pieces of text and the lines built from them.

/** One text item from pdfjs (or part of one), placed on the page. */
export interface Frag {
  /** Normalised text (ligatures split, Unicode variants folded). */
  text: string;
  /** Layout coordinates: x along the reading direction, y of the baseline (up is larger). */
  x0: number;
  x1: number;
  y: number;
  /** Font size (height of the em square) in user-space units. */
  size: number;
  /** Baseline start and end in PDF user space, for the source map. */
  ux0: number;
  uy0: number;
  ux1: number;
  uy1: number;
  /** 1 raised (superscript), -1 lowered (subscript), 0 on the baseline. */
  script: number;
  /** pdfjs's name for the font (tells a bold heading from the text around it). */
  font: string;
}

/** A stretch of a line's text that comes from one fragment. */
export interface LineSpan {
  start: number;
  end: number;
  frag: Frag;
  /** Which part of frag.text it shows. */
  fragStart: number;
}

/** A run of a line separated from the next by a wide gap (a table cell, a column). */
export interface Segment {
  x0: number;
  x1: number;
  /** Range of the segment in the line's text. */
  start: number;
  end: number;
}

/** A printed line in one column, in reading order on its page. */
export interface PdfLine {
  page: number;
  /** 0-based index of the line on its page, in reading order. */
  index: number;
  text: string;
  spans: LineSpan[];
  segments: Segment[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** 0 full width (or single column), 1 left column, 2 right column. */
  column: number;
  /** Left and right edges of the column the line stands in. */
  colLeft: number;
  colRight: number;
  /** Set on page headers, footers and page numbers, which stay out of the text. */
  furniture?: boolean;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  lines: PdfLine[];
}
