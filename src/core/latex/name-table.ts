// Tables keyed by names taken from the paper (macros, environments, units). A plain object would
// answer `\begin{constructor}` or `\toString` from Object.prototype, so these have no prototype.

export function nameTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
