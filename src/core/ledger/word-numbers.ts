// Counts written as words ("Thirty students", "twenty-six participants"): papers spell out
// small counts and any count that opens a sentence.

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const VALUE = new Map<string, number>();
UNITS.forEach((w, i) => VALUE.set(w, i));
TENS.forEach((w, i) => {
  if (!w) return;
  VALUE.set(w, i * 10);
  for (let u = 1; u < 10; u++) VALUE.set(`${w}-${UNITS[u]}`, i * 10 + u);
});

/** The value of a number word (any case), or undefined. */
export function wordValue(word: string): number | undefined {
  return VALUE.get(word.toLowerCase().replace(/[\u2010-\u2013]/g, '-'));
}
