import { type CoreDeps, stopwatch } from '../deps.ts';
import type { CommandEvent } from '../events.ts';
import type { CommandOutcome } from '../metrics.ts';
import { isOrganiser } from '../organisers.ts';
import { parseCommand, tokenize, usageLine } from './parse.ts';
import { COMMANDS } from './registry.ts';
import { NOT_SUBSCRIBED, say } from './reply.ts';
import type { CommandReply } from './spec.ts';

/** Whether a command line will be answered publicly, known before it runs (false for anything that does not parse). */
export function expectsPublicReply(text: string): boolean {
  const parsed = parseCommand(text, COMMANDS);
  return parsed.ok && (parsed.value.spec.publicReply?.(parsed.value.args) ?? false);
}

/** The command a line names (an alias counts as its command), or `unknown`, so the metric's labels stay few. */
export function commandLabel(text: string): string {
  const tokens = tokenize(text);
  const name = tokens.ok ? (tokens.value[0] ?? 'help').toLowerCase() : '';
  return COMMANDS.find((spec) => spec.name === name || spec.aliases?.includes(name))?.name ?? 'unknown';
}

/** Parses, authorises and runs one `/mlq` command line; every outcome is a reply, never an exception. */
export async function runCommand(deps: CoreDeps, event: CommandEvent): Promise<CommandReply> {
  const watch = stopwatch(deps);
  const { reply, outcome, name } = await handleCommand(deps, event);
  deps.metrics?.command(name ?? commandLabel(event.text), outcome, watch.elapsed() / 1000);
  return reply;
}

interface Handled {
  reply: CommandReply;
  outcome: CommandOutcome;
  name?: string;
}

async function handleCommand(deps: CoreDeps, event: CommandEvent): Promise<Handled> {
  const parsed = parseCommand(event.text, COMMANDS);
  if (!parsed.ok) return { reply: say(parsed.message), outcome: 'bad-arguments' };
  const { spec, args } = parsed.value;
  const done = (reply: CommandReply, outcome: CommandOutcome) => ({ reply, outcome, name: spec.name });
  try {
    const channel = await deps.repo.getChannel(event.channelId);
    if (spec.needsChannel && !channel) return done(say(NOT_SUBSCRIBED), 'not-subscribed');
    if (spec.organiserOnly && !(await isOrganiser(deps, event.channelId, channel, event.actor.id))) {
      return done(
        say(`\`${usageLine(spec)}\` is for the channel's organisers (workspace admins, whoever ran \`/mlq start\`, and MLQ_ADMINS).`),
        'not-allowed',
      );
    }
    await deps.repo.upsertMember(event.actor, event.communityId).catch(() => undefined);
    return done(await spec.run({ deps, event, channel, now: deps.clock.now() }, args), 'ok');
  } catch (error) {
    deps.logger.error({ err: error, command: spec.name, channel: event.channelId }, 'command failed');
    return done(say('Something went wrong on our side; nothing was changed. Please try again in a moment.'), 'error');
  }
}
