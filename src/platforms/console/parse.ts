/** What one line typed in the terminal means. */
export type ConsoleInput = { kind: 'command'; text: string } | { kind: 'reply'; text: string } | { kind: 'quit' } | { kind: 'blank' };

/** Lines starting with /mlq are commands (with `@name` mentions made neutral); any other line is a thread reply. */
export function parseConsoleLine(line: string): ConsoleInput {
  const text = line.replace(/\r$/, '');
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'blank' };
  if (/^\/?(quit|exit)$/i.test(trimmed)) return { kind: 'quit' };
  if (/^\/mlq(\s|$)/i.test(trimmed)) {
    return {
      kind: 'command',
      text: trimmed.replace(
        /(^|\s)@([A-Za-z0-9_-]{1,60})(?=\s|$)/g,
        (_m, pre: string, name: string) => `${pre}<@console:${name.toLowerCase()}>`,
      ),
    };
  }
  return { kind: 'reply', text };
}
