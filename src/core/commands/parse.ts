import { closest, distance } from 'fastest-levenshtein';
import { err, ok, type Result } from '../result.ts';
import type { AnyCommand } from './spec.ts';

/** The longest command line read; a longer one gets a short reply instead of being parsed. */
export const MAX_COMMAND_CHARS = 600;

export type ParseError = 'too-long' | 'unknown-command' | 'bad-arguments';

export interface ParsedCommand {
  spec: AnyCommand;
  args: unknown;
}

/** Cleans a command line: strips control characters and the leading `/mlq`, and splits it into words. */
export function tokenize(input: string): Result<string[], 'too-long'> {
  if (input.length > MAX_COMMAND_CHARS * 4) return err('too-long', tooLong());
  const cleaned = input
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .trim();
  if (cleaned.length > MAX_COMMAND_CHARS) return err('too-long', tooLong());
  const tokens = cleaned.split(/\s+/u).filter(Boolean);
  if (tokens[0] && /^\/?mlq$/i.test(tokens[0])) tokens.shift();
  return ok(tokens);
}

const tooLong = () => `That command is longer than ${MAX_COMMAND_CHARS} characters. Try \`/mlq help\` for the commands.`;

export const usageLine = (spec: AnyCommand) => `/mlq ${spec.name}${spec.usage ? ` ${spec.usage}` : ''}`;

function findSpec(name: string, specs: AnyCommand[]): AnyCommand | undefined {
  return specs.find((s) => s.name === name || s.aliases?.includes(name));
}

/** Suggests the nearest command name, or null when nothing is close enough to be a likely typo. */
export function didYouMean(word: string, names: string[]): string | null {
  if (!word || names.length === 0) return null;
  const prefixed = names.find((n) => n.startsWith(word) || word.startsWith(n));
  if (prefixed && word.length >= 2) return prefixed;
  const best = closest(word, names);
  return distance(word, best) <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** Parses and validates a command line against the specs; never throws, always a command or a helpful sentence. */
export function parseCommand(input: string, specs: AnyCommand[]): Result<ParsedCommand, ParseError> {
  try {
    const tokens = tokenize(input);
    if (!tokens.ok) return tokens;
    const [first, ...rest] = tokens.value;
    const name = (first ?? 'help').toLowerCase();
    const spec = findSpec(name, specs);
    if (!spec) {
      const suggestion = didYouMean(
        name,
        specs.map((s) => s.name),
      );
      const shown = name.length > 30 ? `${name.slice(0, 30)}…` : name;
      return err(
        'unknown-command',
        `I don't know \`${shown}\`.${suggestion ? ` Did you mean \`/mlq ${suggestion}\`?` : ''} ` +
          `Usage: \`/mlq <command>\`; \`/mlq help\` lists the commands.`,
      );
    }
    const parsed = spec.args.safeParse(rest);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'the arguments are not right';
      return err('bad-arguments', `${capitalise(reason)}. Usage: \`${usageLine(spec)}\`.`);
    }
    return ok({ spec, args: parsed.data });
  } catch {
    return err('bad-arguments', 'I could not read that command. Try `/mlq help`.');
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
