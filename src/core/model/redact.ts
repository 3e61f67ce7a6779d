// The API key must never reach a log line, a note, a finding or the cache. Everything the review
// writes out goes through this, even text that should not contain the key (a server may echo it).

export function redactor(apiKey: string): (text: string) => string {
  const key = apiKey.trim();
  if (key.length < 4) return (text) => text;
  return (text) => text.split(key).join('[redacted]');
}

/** One line, no stack, bounded length. */
export function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : line.slice(0, max - 1) + '…';
}
