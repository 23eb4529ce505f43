import { clip } from './clip.ts';
import { type Block, type Button, buttons, type Card, card, context, divider, list, text } from './message.ts';
import { MOCK_IDLE_MINUTES, type MockSession } from './mock-rules.ts';
import { CATEGORY_NAMES, type Question } from './types.ts';

/** How much of a member's answer, a strong answer or a guidance line a summary shows, so a card stays readable. */
const SHOWN = { answer: 1500, strong: 2500, weak: 1200 } as const;

const label = (q: Question) => `${CATEGORY_NAMES[q.category]} · ${q.level}`;
const probeCount = (q: Question) => `${q.probes.length} follow-up ${q.probes.length === 1 ? 'probe' : 'probes'}`;

const doneButton = (s: MockSession, step: number): Button => ({
  label: 'Done',
  action: 'mock.done',
  value: `${s.id}:${step}`,
  command: 'done',
  style: 'primary',
});

/** The first message of the private conversation: how a mock runs. */
export function mockGreetingCard(q: Question, budgetMinutes: number | null): Card {
  const how = budgetMinutes
    ? `Soft time budget: ${budgetMinutes} min a step (overruns are noted, nothing more).`
    : 'No time budget (`/mlq mock budget 5` sets one).';
  return card(`Mock interview · ${label(q)}`, [
    text(
      `I ask the question, then ${probeCount(q)}, one at a time. Answer in one or more messages here, then type \`done\` ` +
        '(or press **Done** under the prompt where there is one; `skip` passes a step). At the end you see your answers beside the strong answer.',
    ),
    context(`${how} \`/mlq mock stop\` ends it; it expires after ${MOCK_IDLE_MINUTES} minutes without a message.`),
  ]);
}

/** The prompt of one step: the question (step 0) or a probe, with the Done button where buttons work. */
export function mockStepCard(q: Question, s: MockSession, step: number, resumed = false): Card {
  const title = step === 0 ? 'The question' : `Probe ${step} of ${q.probes.length}`;
  const prompt = step === 0 ? q.prompt : (q.probes[step - 1]?.question ?? '');
  const blocks: Block[] = [text(`**${clip(prompt, 2500)}**`)];
  const budget = s.state.budgetMinutes ? `Soft budget: ${s.state.budgetMinutes} min. ` : '';
  const done = s.state.buttons ? 'press Done' : 'type `done`';
  blocks.push(context(`${resumed ? 'Resumed. ' : ''}${budget}Answer in one or more messages, then ${done}.`));
  if (s.state.buttons) blocks.push(buttons([doneButton(s, step)]));
  return card(title, blocks);
}

/** A short line after a step: noted, and the overrun when the step took longer than the budget. */
export function overrunNote(minutes: number, budget: number): Card {
  return card(undefined, [context(`That step took ${minutes} min (budget ${budget} min); noted in your summary.`)]);
}

const answerOf = (s: MockSession, step: number): string => {
  const joined = (s.state.answers[step] ?? []).map((m) => m.text).join('\n');
  return joined ? clip(joined, SHOWN.answer) : '_(no answer)_';
};

/** The end of a mock: the member's answers beside the strong answer, the weak pattern, each probe's guidance, the checklist. */
export function mockSummaryCards(q: Question, s: MockSession): Card[] {
  const overruns = s.state.overruns.length
    ? [
        context(
          `Over the ${s.state.budgetMinutes} min budget: ${s.state.overruns
            .map((o) => `${o.step === 0 ? 'the question' : `probe ${o.step}`} (${o.minutes} min)`)
            .join(', ')}.`,
        ),
      ]
    : [];
  const answers = card(`Your mock interview · ${label(q)}`, [
    text(`**${clip(q.prompt, 2500)}**`),
    text(`**Your answer**\n${answerOf(s, 0)}`),
    text(`**A strong answer**\n${clip(q.strong_answer, SHOWN.strong)}`),
    text(`**The weak-answer pattern**\n${clip(q.weak_answer, SHOWN.weak)}`),
    ...overruns,
  ]);
  const probes = card(
    'The probes',
    q.probes.flatMap((p, i) => [
      ...(i > 0 ? [divider()] : []),
      text(`**Probe ${i + 1}: ${clip(p.question, 1000)}**`),
      text(`**Your reply**\n${answerOf(s, i + 1)}`),
      text(`**What a good reply covers**\n${clip(p.guidance, 1000)}`),
    ]),
  );
  return [answers, probes, mockChecklistCard(q, s)];
}

/** The key points to tick; the grade schedules the question's review card (no channel points). */
export function mockChecklistCard(q: Question, s: MockSession): Card {
  const how = s.state.buttons ? 'Tick them with the button, or type' : 'Type';
  return card('Grade yourself', [
    text('Which key points did your answers cover?'),
    list(q.key_points, undefined, true),
    context(
      `${how} their numbers here, such as \`1 3\` (\`none\` or \`all\` work too). It schedules a private review of this question ` +
        '(`/mlq review`); mock interviews earn no channel points.',
    ),
    ...(s.state.buttons
      ? [buttons([{ label: 'Tick what you covered', action: 'grade.open', value: `m:${s.id}`, command: '1 3', style: 'primary' }])]
      : []),
  ]);
}

/** The answer to a second `/mlq mock` while one is open: resume it or start over. */
export function mockOpenCard(s: MockSession, q: Question | null, again: string): Card {
  const where = s.step === 0 ? 'the question' : `probe ${s.step}`;
  return card('You have a mock interview open', [
    text(`${q ? `**${clip(q.prompt, 300)}**\n` : ''}You are at ${where}. Resume it, or start a new one (the open one is stopped).`),
    buttons([
      { label: 'Resume', action: 'mock.resume', value: String(s.id), command: '/mlq mock resume', style: 'primary' },
      { label: 'Start over', action: 'mock.restart', value: `${s.id}:${again}`, command: '/mlq mock restart', style: 'danger' },
    ]),
  ]);
}

export const mockExpiredCard = (): Card =>
  card(undefined, [
    text(`This mock interview expired after ${MOCK_IDLE_MINUTES} minutes without a message. \`/mlq mock\` starts a new one.`),
  ]);

export const mockStoppedCard = (): Card => card(undefined, [text('Mock interview stopped. `/mlq mock` starts a new one.')]);
