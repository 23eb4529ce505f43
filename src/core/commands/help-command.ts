import { card, context, list, text } from '../message.ts';
import { POINT_RULES } from '../points.ts';
import { words } from './args.ts';
import { usageLine } from './parse.ts';
import { privately } from './reply.ts';
import { type AnyCommand, defineCommand } from './spec.ts';
import { z } from 'zod';

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
    async run(_ctx, args) {
      const all = specs();
      const wanted = args.command?.toLowerCase();
      const one = wanted ? all.find((s) => s.name === wanted || s.aliases?.includes(wanted)) : undefined;
      if (one) {
        return privately(
          card(`/mlq ${one.name}`, [
            text(`${one.summary}.${one.details ? ` ${one.details}` : ''}`),
            context(`Usage: \`${usageLine(one)}\`${one.organiserOnly ? ' · organisers only' : ''}${one.aliases?.length ? ` · also: ${one.aliases.join(', ')}` : ''}`),
          ]),
        );
      }
      const line = (s: AnyCommand) => `\`${usageLine(s)}\`: ${s.summary}`;
      return privately(
        card('mlq: a daily ML interview question for your study group', [
          text("Answer the day's question in its thread before the reveal; then read what a strong answer covers and reply to a probe."),
          list(all.filter((s) => !s.organiserOnly).map(line), '**Everyone**'),
          list(all.filter((s) => s.organiserOnly).map(line), '**Organisers**'),
          list(POINT_RULES, '**Points and streaks**'),
          context('`/mlq help <command>` shows the details of one command.'),
        ]),
      );
    },
  });
}
