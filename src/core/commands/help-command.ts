import { z } from 'zod';
import { card, context, list, text } from '../message.ts';
import { PEER_VOTE_RULE, POINT_RULES } from '../points.ts';
import type { PortCapabilities } from '../port.ts';
import { words } from './args.ts';
import { usageLine } from './parse.ts';
import { privately } from './reply.ts';
import { type AnyCommand, type Capability, defineCommand } from './spec.ts';

/** Point rules that hold only where the platform has a capability. */
const RULE_NEEDS = new Map<string, Capability>([[PEER_VOTE_RULE, 'reactions']]);

/** A spec as this platform's members can use it: usage and summary without the options it lacks. */
export function adaptSpec(spec: AnyCommand, capabilities: PortCapabilities): AnyCommand {
  const missing = Object.entries(spec.without ?? {}).find(([capability]) => !capabilities[capability as Capability]);
  return missing ? { ...spec, ...missing[1] } : spec;
}

/** `/mlq help`, generated from the specs themselves so it can never drift from the grammar. */
export function helpCommand(specs: () => AnyCommand[]) {
  return defineCommand({
    name: 'help',
    summary: 'The commands, or the details of one',
    usage: '[command]',
    organiserOnly: false,
    needsChannel: false,
    args: words({ command: z.string() }),
    options: [{ name: 'command', description: 'A command', kind: 'text' }],
    async run(ctx, args) {
      const capabilities = ctx.deps.ports.capabilities(ctx.event.channelId);
      const all = specs().map((spec) => adaptSpec(spec, capabilities));
      const note = capabilities.helpNote ? ` ${capabilities.helpNote}` : '';
      const wanted = args.command?.toLowerCase();
      const one = wanted ? all.find((s) => s.name === wanted || s.aliases?.includes(wanted)) : undefined;
      if (one) {
        return privately(
          card(`/mlq ${one.name}`, [
            text(`${one.summary}.${one.details ? ` ${one.details}` : ''}`),
            context(
              `Usage: \`${usageLine(one)}\`${one.organiserOnly ? ' · organisers only' : ''}${one.aliases?.length ? ` · also: ${one.aliases.join(', ')}` : ''}`,
            ),
          ]),
        );
      }
      const line = (s: AnyCommand) => `\`${usageLine(s)}\`: ${s.summary}`;
      const rules = POINT_RULES.filter((rule) => {
        const needs = RULE_NEEDS.get(rule);
        return !needs || capabilities[needs];
      });
      return privately(
        card('mlq: a daily ML interview question for your study group', [
          text("Answer the day's question in its thread before the reveal; then read what a strong answer covers and reply to a probe."),
          list(all.filter((s) => !s.organiserOnly).map(line), '**Everyone**'),
          list(all.filter((s) => s.organiserOnly).map(line), '**Organisers**'),
          list(rules, '**Points and streaks**'),
          context(`\`/mlq help <command>\` shows the details of one command.${note}`),
        ]),
      );
    },
  });
}
