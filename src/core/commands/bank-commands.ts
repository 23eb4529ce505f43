import { z } from 'zod';
import { checklistCard } from '../grade-cards.ts';
import { card, context, fields } from '../message.ts';
import { platformOf } from '../port.ts';
import { practiceCard, practiceRevealCard } from '../question-cards.ts';
import { CATEGORIES, CATEGORY_NAMES, LEVELS } from '../types.ts';
import { joinCategoryPhrases, resolveCategory, resolveLevel } from '../vocab.ts';
import { none, resolved, words } from './args.ts';
import { privately, say } from './reply.ts';
import { defineCommand } from './spec.ts';

const searchable = /^[\p{L}\p{N}][\p{L}\p{N}'-]{0,39}$/u;

export const ask = defineCommand({
  name: 'ask',
  aliases: ['practice'],
  summary: 'A private practice question, by category, level or a topic word',
  usage: '[category] [level] [topic word]',
  details: 'For example `/mlq ask statistics senior`, `/mlq ask coding` or `/mlq ask calibration`. `/mlq topics` lists the categories.',
  organiserOnly: false,
  needsChannel: false,
  args: z
    .array(z.string())
    .transform(joinCategoryPhrases)
    .pipe(words({ category: resolved(resolveCategory, 'category'), level: resolved(resolveLevel, 'level') }, { rest: true, maxRest: 3 })),
  options: [
    { name: 'category', description: 'Category', kind: 'text', choices: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] })) },
    { name: 'level', description: 'Level', kind: 'text', choices: LEVELS.map((l) => ({ value: l })) },
    { name: 'topic', description: 'A topic word, such as calibration', kind: 'text', maxLength: 40 },
  ],
  async run(ctx, args) {
    const bad = args.rest.find((w) => !searchable.test(w));
    if (bad) return say(`Search with plain topic words, such as \`/mlq ask calibration\`; \`${bad.slice(0, 30)}\` is not one.`);
    const search = {
      categories: args.category ? [args.category] : [],
      levels: args.level ? [args.level] : [],
      words: args.rest.map((w) => w.toLowerCase()),
    };
    const [question] = await ctx.deps.repo.searchQuestions(search, 1);
    if (!question) {
      const asked = [args.category, args.level, ...args.rest].filter(Boolean).join(' ');
      return say(`No question matches “${asked}”. Try a broader word, or \`/mlq topics\` for the categories.`);
    }
    await ctx.deps.repo.upsertCommunity(ctx.event.communityId, platformOf(ctx.event.channelId), '');
    await ctx.deps.repo.upsertMember(ctx.event.actor, ctx.event.communityId);
    await ctx.deps.repo.createPractice(ctx.event.actor.id, ctx.event.channelId, question.id, ctx.now);
    return privately(practiceCard(question));
  },
});

export const solution = defineCommand({
  name: 'solution',
  summary: 'Reveal the strong answer to your last practice question',
  usage: '',
  organiserOnly: false,
  needsChannel: false,
  args: none,
  async run(ctx) {
    const practice = await ctx.deps.repo.latestPractice(ctx.event.actor.id);
    if (!practice) return say('You have no practice question yet: `/mlq ask` gives you one.');
    const question = await ctx.deps.repo.getQuestion(practice.questionId);
    if (!question) return say('That practice question is no longer in the bank; `/mlq ask` gives you another.');
    await ctx.deps.repo.markPracticeRevealed(practice.id, ctx.now);
    const shown = practiceRevealCard(question);
    const checklist = checklistCard(question, { source: 'practice', practiceId: practice.id }, true);
    return privately({ ...shown, blocks: [...shown.blocks, ...checklist.blocks.slice(1)] });
  },
});

export const topics = defineCommand({
  name: 'topics',
  aliases: ['categories'],
  summary: 'The categories of the bank, with question counts',
  usage: '',
  organiserOnly: false,
  needsChannel: false,
  args: none,
  async run(ctx) {
    const counts = await ctx.deps.repo.categoryCounts();
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    const rows = CATEGORIES.map((category) => {
      const per = LEVELS.map((level) => counts.find((c) => c.category === category && c.level === level)?.count ?? 0);
      return {
        label: `${CATEGORY_NAMES[category]} (\`${category}\`)`,
        value: `${per.reduce((a, b) => a + b, 0)}: ${per.join(' / ')} junior / mid / senior`,
      };
    });
    return privately(
      card(`Topics · ${total} questions`, [
        fields(rows),
        context('Practise one with `/mlq ask <category> [level]` or `/mlq ask <topic word>`.'),
      ]),
    );
  },
});
