import type { CoreDeps } from '../deps.ts';
import type { CommandEvent } from '../events.ts';
import { isOrganiser } from '../organisers.ts';
import { parseCommand, usageLine } from './parse.ts';
import { COMMANDS } from './registry.ts';
import { NOT_SUBSCRIBED, say } from './reply.ts';
import type { CommandReply } from './spec.ts';

/** Whether a command line will be answered publicly, known before it runs (false for anything that does not parse). */
export function expectsPublicReply(text: string): boolean {
  const parsed = parseCommand(text, COMMANDS);
  return parsed.ok && (parsed.value.spec.publicReply?.(parsed.value.args) ?? false);
}

/** Parses, authorises and runs one `/mlq` command line; every outcome is a reply, never an exception. */
export async function runCommand(deps: CoreDeps, event: CommandEvent): Promise<CommandReply> {
  const parsed = parseCommand(event.text, COMMANDS);
  if (!parsed.ok) return say(parsed.message);
  const { spec, args } = parsed.value;
  try {
    const channel = await deps.repo.getChannel(event.channelId);
    if (spec.needsChannel && !channel) return say(NOT_SUBSCRIBED);
    if (spec.organiserOnly && !(await isOrganiser(deps, event.channelId, channel, event.actor.id))) {
      return say(`\`${usageLine(spec)}\` is for the channel's organisers (workspace admins, whoever ran \`/mlq start\`, and MLQ_ADMINS).`);
    }
    await deps.repo.upsertMember(event.actor, event.communityId).catch(() => undefined);
    return await spec.run({ deps, event, channel, now: deps.clock.now() }, args);
  } catch (error) {
    deps.logger.error({ err: error, command: spec.name, channel: event.channelId }, 'command failed');
    return say('Something went wrong on our side; nothing was changed. Please try again in a moment.');
  }
}
