/** Splits text into pieces of at most `max` characters, at paragraph, then line, then word boundaries. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Code as fenced pieces of at most `max` characters each, `open` and `close` included: every piece closes its fence and
 * the next reopens it, and a piece breaks only between lines. A single line too long for any piece (never in the bank,
 * whose lines are 72 characters at most) is cut at `max`.
 */
export function splitCode(code: string, max: number, open: string, close: string): string[] {
  const room = max - open.length - close.length;
  const lines = code.split('\n').flatMap((line) => (line.length <= room ? [line] : (line.match(new RegExp(`.{1,${room}}`, 'g')) ?? [])));
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const added = current.length ? line.length + 1 : line.length;
    if (current.length && size + added > room) {
      pieces.push(`${open}${current.join('\n')}${close}`);
      current = [];
      size = 0;
    }
    size += current.length ? line.length + 1 : line.length;
    current.push(line);
  }
  if (current.length) pieces.push(`${open}${current.join('\n')}${close}`);
  return pieces;
}
