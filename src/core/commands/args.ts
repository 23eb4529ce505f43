import { z } from 'zod';

/** A schema that reads one command-line word. */
export type WordSchema<T> = z.ZodType<T, string>;

type SlotValues<S extends Record<string, WordSchema<unknown>>> = { [K in keyof S]?: z.output<S[K]> };

/**
 * The arguments of a command as a zod schema over its words: each word fills the first free slot whose schema
 * accepts it, in any order; leftover words go to `rest` when allowed, otherwise they are an error naming the word.
 */
export function words<S extends Record<string, WordSchema<unknown>>>(slots: S, options: { rest?: boolean; maxRest?: number } = {}) {
  return z.array(z.string()).transform((tokens, ctx) => {
    const values: Record<string, unknown> = {};
    const rest: string[] = [];
    for (const token of tokens) {
      const slot = Object.entries(slots).find(([name, schema]) => !(name in values) && schema.safeParse(token).success);
      if (slot) values[slot[0]] = slot[1].parse(token);
      else if (options.rest) rest.push(token);
      else {
        ctx.addIssue({ code: 'custom', message: `I don't understand \`${token.slice(0, 40)}\` here` });
        return z.NEVER;
      }
    }
    if (options.maxRest !== undefined && rest.length > options.maxRest) {
      ctx.addIssue({ code: 'custom', message: `that is too many words (at most ${options.maxRest})` });
      return z.NEVER;
    }
    return { ...(values as SlotValues<S>), rest };
  });
}

export const none = words({});

/** One literal word, case-insensitive. */
export const literal = <T extends string>(...choices: T[]): WordSchema<T> =>
  z.string().transform((w, ctx) => {
    const found = choices.find((c) => c === w.toLowerCase());
    if (!found) {
      ctx.addIssue({ code: 'custom', message: `expected ${choices.join(' or ')}` });
      return z.NEVER;
    }
    return found;
  });

/** A mention in the neutral form `<@member-id>` that every adapter produces. */
export const mention: WordSchema<string> = z
  .string()
  .regex(/^<@[^<>\s]{1,200}>$/)
  .transform((w) => w.slice(2, -1));

/** A word resolved through a lookup, such as a category alias. */
export const resolved = <T>(resolve: (word: string) => T | null, what: string): WordSchema<T> =>
  z.string().transform((w, ctx) => {
    const value = resolve(w);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: `\`${w.slice(0, 40)}\` is not a ${what}` });
      return z.NEVER;
    }
    return value;
  });
