import type { z } from 'zod';
import type { ChartImage } from '../charts.ts';
import type { CoreDeps } from '../deps.ts';
import type { CommandEvent } from '../events.ts';
import type { Form } from '../interactions.ts';
import type { Card } from '../message.ts';
import type { PortCapabilities } from '../port.ts';
import type { Channel } from '../types.ts';

/** A yes-or-no capability of a platform. */
export type Capability = Exclude<keyof PortCapabilities, 'helpNote' | 'formFields'>;

export type Visibility = 'private' | 'public';

/** Files a command produces, such as an export; a platform with a file system writes them into a new folder. */
export interface CommandFiles {
  /** The name of the folder to create for them. */
  folder: string;
  files: { path: string; content: string }[];
}

export interface CommandReply {
  card: Card;
  visibility: Visibility;
  /** A form to open at once where the platform can (the card then says how to open it otherwise). */
  form?: Form;
  files?: CommandFiles;
  /** Charts that go with the card: attached where the platform can (a private reply may move them to a direct message). */
  images?: ChartImage[];
}

export interface CommandContext {
  deps: CoreDeps;
  event: CommandEvent;
  channel: Channel | null;
  now: Date;
}

/**
 * One argument as a platform's command picker offers it (Discord's options); the grammar itself stays in `args`.
 * `text` is a word or words, `member` a mention, `flag` a switch that adds its own name as a word when on.
 */
export interface OptionSpec {
  name: string;
  description: string;
  kind: 'text' | 'member' | 'flag';
  required?: boolean;
  choices?: readonly { value: string; label?: string }[];
  maxLength?: number;
}

/** A `/mlq` command as a declarative spec: parsed and validated from its args schema, then run by its handler. */
export interface CommandSpec<A = unknown> {
  name: string;
  aliases?: string[];
  summary: string;
  usage: string;
  details?: string;
  /** The usage and summary help shows where the platform lacks a capability the full usage relies on. */
  without?: Partial<Record<Capability, { usage: string; summary: string }>>;
  organiserOnly: boolean;
  /** True when the command needs the channel to be subscribed already. */
  needsChannel: boolean;
  args: z.ZodType<A, string[]>;
  /** The arguments as a command picker offers them, in the order a command line takes them; none when absent. */
  options?: OptionSpec[];
  /** True when the reply is for the whole channel; adapters that must commit early (Discord's deferral) ask this. */
  publicReply?: (args: A) => boolean;
  run(ctx: CommandContext, args: A): Promise<CommandReply>;
}

export const defineCommand = <A>(spec: CommandSpec<A>): CommandSpec<A> => spec;

/** Any command, whatever its arguments; the registry holds specs of many argument types. */
// biome-ignore lint/suspicious/noExplicitAny: each spec's argument type is checked where it is defined
export type AnyCommand = CommandSpec<any>;
