import { z } from 'zod';
import { card, code, context, text } from '../message.ts';
import { localDate } from '../schedule.ts';
import { suggestCard, suggestionForm } from '../suggestion-form.ts';
import { approve, queueCard, reject } from '../suggestion-queue.ts';
import { questionYaml } from '../suggestion-rules.ts';
import type { Question } from '../types.ts';
import { privately, say } from './reply.ts';
import { defineCommand } from './spec.ts';

/** The most approved questions one export holds. */
export const MAX_EXPORT = 50;

export const suggest = defineCommand({
  name: 'suggest',
  summary: 'Suggest a question for this channel; the organisers approve, edit or reject it',
  usage: '',
  details:
    'It opens a form with the fields of a bank question, checked by the same rules as the bank files; a draft is kept until it is sent.',
  organiserOnly: false,
  needsChannel: true,
  args: z.array(z.string()).max(0, 'this command takes no words: it opens a form'),
  async run(ctx) {
    const form = await suggestionForm(ctx.deps, ctx.channel!.id, ctx.event.actor.id, { target: 'new', step: 1 });
    return { ...privately(suggestCard()), form };
  },
});

type QueueArgs =
  | { kind: 'list' }
  | { kind: 'number'; verb: string }
  | { kind: 'approve'; id: number; community: boolean }
  | { kind: 'edit'; id: number }
  | { kind: 'reject'; id: number; reason: string };

const queueArgs = z.array(z.string()).transform((tokens, ctx): QueueArgs => {
  const [action, id, ...rest] = tokens;
  if (!action) return { kind: 'list' };
  const verb = action.toLowerCase();
  if (['approve', 'edit', 'reject'].includes(verb) && !id) return { kind: 'number', verb };
  if (/^#?\d{1,9}$/.test(verb) && !id) return { kind: 'number', verb: 'approve' };
  if (!['approve', 'edit', 'reject'].includes(verb) || !id || !/^#?\d{1,9}$/.test(id)) {
    ctx.addIssue({ code: 'custom', message: 'use approve, edit or reject with a suggestion number, such as `approve 3`' });
    return z.NEVER;
  }
  const n = Number(id.replace('#', ''));
  if (verb === 'edit') return { kind: 'edit', id: n };
  if (verb === 'reject') return { kind: 'reject', id: n, reason: rest.join(' ') };
  return { kind: 'approve', id: n, community: rest[0]?.toLowerCase() === 'community' };
});

export const queue = defineCommand({
  name: 'queue',
  summary: 'The suggested questions waiting for a decision, with Approve, Edit and Reject',
  usage: '[approve <n> [community]|edit <n>|reject <n> <reason>]',
  organiserOnly: true,
  needsChannel: true,
  args: queueArgs,
  options: [
    {
      name: 'action',
      description: 'approve, edit or reject',
      kind: 'text',
      choices: [{ value: 'approve' }, { value: 'edit' }, { value: 'reject' }],
    },
    { name: 'suggestion', description: 'The suggestion number, and for reject the reason', kind: 'text', maxLength: 500 },
  ],
  async run(ctx, args) {
    const { deps, event } = ctx;
    if (args.kind === 'list') return privately(await queueCard(deps, ctx.channel!.id));
    if (args.kind === 'number')
      return say(`Give the suggestion's number, such as \`/mlq queue ${args.verb} 3\`; \`/mlq queue\` lists them.`);
    if (args.kind === 'approve') return say(await approve(deps, event.actor.id, args.id, args.community ? 'community' : 'channel'));
    if (args.kind === 'reject') {
      if (!args.reason) return say(`Give the author a reason: \`/mlq queue reject ${args.id} <reason>\`.`);
      return say(await reject(deps, event.actor.id, args.id, args.reason));
    }
    const suggestion = await deps.repo.getSuggestion(args.id);
    if (suggestion?.status !== 'pending') return say(`There is no waiting suggestion #${args.id}.`);
    const form = await suggestionForm(deps, ctx.channel!.id, event.actor.id, { target: `edit:${args.id}`, step: 1 });
    return { ...say(`Editing suggestion #${args.id}.`), form };
  },
});

/** The bank file of an approved question, by its category, as `npm run bank -- lint` wants it. */
const filePath = (q: Question) => `${q.category}/${q.id}.yaml`;

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'The approved suggested questions as bank files (YAML), to contribute to the shared bank',
  usage: '',
  details: 'In the terminal it writes them into a new folder; elsewhere it shows each file in a code block.',
  organiserOnly: true,
  needsChannel: true,
  args: z.array(z.string()).max(0, 'this command takes no words'),
  async run(ctx) {
    const channel = ctx.channel!;
    const approved = await ctx.deps.repo.approvedQuestions(channel.id, channel.communityId, MAX_EXPORT);
    if (approved.length === 0) return say('No suggested question has been approved here yet.');
    const files = approved.map(({ question, authorName }) => ({ path: filePath(question), content: questionYaml(question, authorName) }));
    const shown = card(`Export · ${files.length} approved ${files.length === 1 ? 'question' : 'questions'}`, [
      text('Each is a bank file: save it as `questions/<path>`, run `npm run bank -- lint`, and open a pull request.'),
      ...files.flatMap((f) => [context(`questions/${f.path}`), code(f.content, 'yaml')]),
    ]);
    const folder = `mlq-export-${localDate(ctx.now, channel.timezone)}`;
    return { ...privately(shown), files: { folder, files } };
  },
});

/** `/mlq next`: the question an organiser picked for the channel's next round, by id or by words. */
async function findQuestion(ctx: Parameters<(typeof next)['run']>[0], words: string[]): Promise<Question | null> {
  const { deps } = ctx;
  const channel = ctx.channel!;
  if (words.length === 1) {
    const exact = await deps.repo.askableQuestion(words[0]!.toLowerCase(), channel.id, channel.communityId);
    if (exact) return exact;
  }
  const lowered = words.map((w) => w.toLowerCase());
  const pool = await deps.repo.approvedQuestions(channel.id, channel.communityId, MAX_EXPORT);
  const fromPool = pool.find(({ question }) =>
    lowered.every((w) => `${question.prompt} ${question.tags.join(' ')}`.toLowerCase().includes(w)),
  );
  if (fromPool) return fromPool.question;
  const [found] = await deps.repo.searchQuestions({ categories: [], levels: [], words: lowered }, 1);
  return found ?? null;
}

export const next = defineCommand({
  name: 'next',
  summary: "Pick the next round's question, by id or words (`off` to let mlq pick)",
  usage: '[question id|words|off]',
  organiserOnly: true,
  needsChannel: true,
  args: z.array(z.string()).max(8, 'give a question id or up to 8 words'),
  options: [{ name: 'question', description: 'A question id, or words from it; off to clear', kind: 'text', maxLength: 100 }],
  async run(ctx, words) {
    const { deps, event } = ctx;
    const channel = ctx.channel!;
    if (words.length === 0) {
      const picked = await deps.repo.nextQuestion(channel.id);
      const question = picked ? await deps.repo.getQuestion(picked) : null;
      return say(question ? `The next round asks \`${question.id}\`: “${question.prompt}”.` : 'mlq picks the next question as usual.');
    }
    if (words.length === 1 && words[0]!.toLowerCase() === 'off') {
      await deps.repo.setNextQuestion(channel.id, null, event.actor.id, ctx.now);
      return say('Cleared: mlq picks the next question as usual.');
    }
    const question = await findQuestion(ctx, words);
    if (!question) return say(`No question matches “${words.join(' ').slice(0, 60)}”. Give its id, or other words.`);
    await deps.repo.setNextQuestion(channel.id, question.id, event.actor.id, ctx.now);
    return say(`The next round asks \`${question.id}\`: “${question.prompt}”. It is used once; \`/mlq next off\` clears it.`);
  },
});
