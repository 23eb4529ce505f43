import { z } from 'zod';
import type { CoreDeps } from '../deps.ts';
import type { ActionEvent } from '../events.ts';
import type { InteractionReply } from '../interactions.ts';
import { context } from '../message.ts';
import { resumeMock, startMock, stopMock } from '../mock.ts';
import { MOCK_IDLE_MINUTES, parseBudget } from '../mock-rules.ts';
import { platformOf } from '../port.ts';
import { CATEGORIES, CATEGORY_NAMES, type Category, type Level } from '../types.ts';
import { joinCategoryPhrases, resolveCategory, resolveLevel } from '../vocab.ts';
import { privately, say } from './reply.ts';
import { type CommandContext, defineCommand } from './spec.ts';

type MockArgs =
  | { kind: 'start'; category?: Category; level?: Level; restart: boolean }
  | { kind: 'stop' }
  | { kind: 'resume' }
  | { kind: 'budget'; word?: string };

const mockArgs = z.array(z.string()).transform((tokens, ctx): MockArgs => {
  const [first, ...rest] = tokens;
  const word = first?.toLowerCase();
  if (word === 'stop' || word === 'resume') {
    if (rest.length) ctx.addIssue({ code: 'custom', message: `\`${word}\` takes no more words` });
    return { kind: word };
  }
  if (word === 'budget') {
    if (rest.length > 1) ctx.addIssue({ code: 'custom', message: 'give one budget: minutes, or off' });
    return { kind: 'budget', word: rest[0] };
  }
  const restart = word === 'restart';
  const picks: { category?: Category; level?: Level } = {};
  for (const token of joinCategoryPhrases(restart ? rest : tokens)) {
    const category = picks.category ? null : resolveCategory(token);
    const level = picks.level ? null : resolveLevel(token);
    if (category) picks.category = category;
    else if (level) picks.level = level;
    else {
      ctx.addIssue({ code: 'custom', message: `\`${token.slice(0, 30)}\` is not a category or a level (\`/mlq topics\` lists them)` });
      return z.NEVER;
    }
  }
  return { kind: 'start', restart, ...picks };
});

/** Starts a mock on a question of the category and level asked for (any when none). */
export async function startFor(ctx: Pick<CommandContext, 'deps' | 'event'>, category?: Category, level?: Level) {
  const [question] = await ctx.deps.repo.searchQuestions(
    { categories: category ? [category] : [], levels: level ? [level] : [], words: [] },
    1,
  );
  if (!question) return say('No question matches that; try another category or level (`/mlq topics`).');
  const again = [category, level].filter(Boolean).join(' ');
  const { actor, communityId, channelId } = ctx.event;
  return privately(await startMock(ctx.deps, { actor, communityId, channelId }, question, again));
}

export const mock = defineCommand({
  name: 'mock',
  summary: 'A private mock interview with the bot: the question, then each probe (also `stop`, `budget <minutes>|off`)',
  usage: '[category] [level] | stop | resume | restart | budget <minutes|off>',
  details:
    'The bot asks in a direct message (a private thread when yours are closed); answer in one or more messages, then press ' +
    `Done or type \`done\`. The summary sets your answers beside the strong answer and grades into your review cards (no ` +
    `channel points). One open interview at a time; it expires after ${MOCK_IDLE_MINUTES} minutes without a message.`,
  organiserOnly: false,
  needsChannel: false,
  args: mockArgs,
  options: [
    {
      name: 'category',
      description: 'Category, or stop, resume, restart, budget',
      kind: 'text',
      choices: [
        ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] })),
        { value: 'stop' },
        { value: 'resume' },
        { value: 'restart' },
        { value: 'budget' },
      ],
    },
    { name: 'level', description: 'Level, or the budget in minutes (or off)', kind: 'text', maxLength: 20 },
  ],
  async run(ctx, args) {
    const { deps, event } = ctx;
    if (args.kind === 'stop') {
      return say(
        (await stopMock(deps, event.actor.id, undefined, event.channelId)) ? 'Mock interview stopped.' : 'You have no mock interview open.',
      );
    }
    if (args.kind === 'resume') return say(await resumeMock(deps, event.actor.id));
    if (args.kind === 'budget') {
      const budget = parseBudget(args.word);
      if (!budget.ok) return say(budget.text);
      await deps.repo.upsertCommunity(event.communityId, platformOf(event.channelId), '');
      await deps.repo.upsertMember(event.actor, event.communityId);
      await deps.repo.setMockBudget(event.actor.id, budget.minutes);
      return say(
        budget.minutes === null
          ? 'No time budget for your mock interviews.'
          : `Soft time budget: ${budget.minutes} min a step, from your next mock interview. Overruns are noted, nothing more.`,
        context('`/mlq mock budget off` removes it.'),
      );
    }
    if (args.restart) await stopMock(deps, event.actor.id);
    return startFor(ctx, args.category, args.level);
  },
});

/** The Resume button under a second `/mlq mock`. */
export async function resumePressed(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  return { kind: 'notice', text: await resumeMock(deps, event.actor.id) };
}

/** The Start over button: value `session:category level`; stops that session (if still open) and starts a new one. */
export async function restartPressed(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const m = /^(\d{1,9}):([a-z -]{0,60})$/.exec(event.value);
  if (!m) return { kind: 'none' };
  await stopMock(deps, event.actor.id, Number(m[1]));
  const words = m[2]!.split(' ').filter(Boolean);
  const category = words.map(resolveCategory).find(Boolean) ?? undefined;
  const level = words.map(resolveLevel).find(Boolean) ?? undefined;
  const reply = await startFor({ deps, event: { ...event, text: '' } }, category, level);
  return { kind: 'card', card: reply.card };
}
