import { clip } from './clip.ts';

/** How long a mock session may sit without a message or a press before it expires (the README documents it). */
export const MOCK_IDLE_MINUTES = 60;
export const MOCK_IDLE_MS = MOCK_IDLE_MINUTES * 60_000;

/** Bounds on what a member writes in a mock: characters kept per message, messages and characters per step, budget minutes. */
export const MOCK_LIMITS = { messageChars: 2000, stepMessages: 20, stepChars: 6000, budgetMin: 1, budgetMax: 120 } as const;

export type MockStatus = 'open' | 'finished' | 'stopped' | 'expired';

/** One message of a member's answer, keyed by its platform message id so a replayed event counts once. */
export interface MockMessage {
  key: string;
  text: string;
}

/** The session's state as the store keeps it (JSON): everything the pure rules read and write. */
export interface MockState {
  memberName: string;
  /** The member's messages of each step: 0 is the question, 1… the probes. */
  answers: MockMessage[][];
  /** Keys of the Done presses and typed `done`s taken, so a replay is recognised. */
  doneKeys: string[];
  /** When the current step's prompt went out (ISO). */
  stepStartedAt: string;
  budgetMinutes: number | null;
  /** Steps that took longer than the budget, with the minutes they took. */
  overruns: { step: number; minutes: number }[];
  /** Steps in all: the question and each probe. */
  steps: number;
  /** The conversation is the member's alone (a direct message), so any message in it is theirs. */
  direct: boolean;
  /** Buttons can be pressed in the conversation. */
  buttons: boolean;
}

export interface MockSession {
  id: number;
  memberId: string;
  communityId: string;
  /** The channel where `/mlq mock` was run; the review card belongs to it. */
  channelId: string;
  /** The private conversation (opaque id), empty until it is opened. */
  conversationId: string;
  questionId: string;
  status: MockStatus;
  /** The step being answered: 0 the question, 1… the probes; `steps` once finished. */
  step: number;
  /** The last step whose message (prompt, or the summary at `steps`) was sent. */
  sentStep: number;
  version: number;
  startedAt: Date;
  activeAt: Date;
  state: MockState;
}

/** A new session's state for a question with `probes` probes. */
export function newMockState(input: {
  memberName: string;
  probes: number;
  at: Date;
  budgetMinutes: number | null;
  direct: boolean;
  buttons: boolean;
}): MockState {
  return {
    memberName: input.memberName,
    answers: Array.from({ length: input.probes + 1 }, () => []),
    doneKeys: [],
    stepStartedAt: input.at.toISOString(),
    budgetMinutes: input.budgetMinutes,
    overruns: [],
    steps: input.probes + 1,
    direct: input.direct,
    buttons: input.buttons,
  };
}

export type AddOutcome =
  | { kind: 'added'; session: MockSession }
  | { kind: 'duplicate' }
  | { kind: 'closed' }
  | { kind: 'full'; text: string };

const taken = (s: MockSession, key: string) => s.state.doneKeys.includes(key) || s.state.answers.some((a) => a.some((m) => m.key === key));

/** A message added to the current step's answer, clipped; a replay of the same message changes nothing. */
export function addMessage(s: MockSession, key: string, text: string, at: Date): AddOutcome {
  if (s.status !== 'open') return { kind: 'closed' };
  if (taken(s, key)) return { kind: 'duplicate' };
  const current = s.state.answers[s.step] ?? [];
  const used = current.reduce((n, m) => n + m.text.length, 0);
  if (current.length >= MOCK_LIMITS.stepMessages || used >= MOCK_LIMITS.stepChars) {
    return { kind: 'full', text: `That is as much as one step keeps (${MOCK_LIMITS.stepChars} characters). Press Done or type \`done\`.` };
  }
  const room = Math.min(MOCK_LIMITS.messageChars, MOCK_LIMITS.stepChars - used);
  const answers = s.state.answers.map((a, i) => (i === s.step ? [...a, { key, text: clip(text.trim(), room) }] : a));
  return { kind: 'added', session: { ...s, activeAt: at, state: { ...s.state, answers } } };
}

export type DoneOutcome =
  | { kind: 'next'; session: MockSession; overrun: number | null }
  | { kind: 'duplicate' }
  | { kind: 'stale' }
  | { kind: 'closed' }
  | { kind: 'empty' };

/** Whole minutes from `from` to `to`, rounded up. */
const minutesBetween = (from: string, to: Date) => Math.ceil((to.getTime() - new Date(from).getTime()) / 60_000);

/**
 * The member is done with `step` (`skip` passes an empty one): the next step starts, or the session is finished after
 * the last probe. A press for another step (an old button, a replay) or a key already taken changes nothing. A step
 * over the budget is noted with its minutes, never refused.
 */
export function finishStep(s: MockSession, step: number, key: string, at: Date, skip = false): DoneOutcome {
  if (s.state.doneKeys.includes(key)) return { kind: 'duplicate' };
  if (s.status !== 'open') return { kind: 'closed' };
  if (step !== s.step) return { kind: 'stale' };
  if (!skip && (s.state.answers[step]?.length ?? 0) === 0) return { kind: 'empty' };
  const took = minutesBetween(s.state.stepStartedAt, at);
  const budget = s.state.budgetMinutes;
  const overrun = budget !== null && at.getTime() - new Date(s.state.stepStartedAt).getTime() > budget * 60_000 ? took : null;
  const next = step + 1;
  const state: MockState = {
    ...s.state,
    doneKeys: [...s.state.doneKeys, key],
    stepStartedAt: at.toISOString(),
    overruns: overrun === null ? s.state.overruns : [...s.state.overruns, { step, minutes: overrun }],
  };
  const status = next >= s.state.steps ? 'finished' : 'open';
  return { kind: 'next', session: { ...s, step: next, status, activeAt: at, state }, overrun };
}

/** Whether an open session has been idle for longer than `idleMs` at `now`. */
export const isIdle = (s: Pick<MockSession, 'status' | 'activeAt'>, now: Date, idleMs = MOCK_IDLE_MS): boolean =>
  s.status === 'open' && now.getTime() - s.activeAt.getTime() > idleMs;

/** What a typed line in a mock conversation means: done with the step, skip it, or part of the answer. */
export function typedCommand(text: string): 'done' | 'skip' | null {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (word === 'done') return 'done';
  if (word === 'skip') return 'skip';
  return null;
}

/** Reads `/mlq mock budget` words: minutes in range, or off; an error sentence otherwise. */
export function parseBudget(word: string | undefined): { ok: true; minutes: number | null } | { ok: false; text: string } {
  const hint = `Give minutes from ${MOCK_LIMITS.budgetMin} to ${MOCK_LIMITS.budgetMax}, such as \`/mlq mock budget 5\`, or \`off\`.`;
  if (!word) return { ok: false, text: hint };
  if (/^off$/i.test(word)) return { ok: true, minutes: null };
  const n = /^\d{1,4}$/.test(word) ? Number(word) : Number.NaN;
  if (!(n >= MOCK_LIMITS.budgetMin && n <= MOCK_LIMITS.budgetMax))
    return { ok: false, text: `\`${word.slice(0, 20)}\` is not a budget. ${hint}` };
  return { ok: true, minutes: n };
}
