/** How a command ended, as counted: refusals are told apart from failures. */
export type CommandOutcome = 'ok' | 'bad-arguments' | 'not-subscribed' | 'not-allowed' | 'error';

/** What the core reports for operators to watch; the service backs it with Prometheus, tests and tools with nothing. */
export interface Metrics {
  roundPosted(platform: string): void;
  roundRevealed(platform: string): void;
  /** A member's answer counted (`via` thread or form) or refused (`reason` the outcome that refused it). */
  answer(tally: AnswerTally): void;
  command(name: string, outcome: CommandOutcome, seconds: number): void;
  platformError(platform: string, code: string): void;
  /** One scheduler pass: how long it took, and how far behind its oldest due work it started. */
  schedulerPass(seconds: number, lagSeconds: number): void;
}

export const noMetrics: Metrics = {
  roundPosted: () => undefined,
  roundRevealed: () => undefined,
  answer: () => undefined,
  command: () => undefined,
  platformError: () => undefined,
  schedulerPass: () => undefined,
};

export type AnswerTally = { result: 'counted'; via: 'thread' | 'form' } | { result: 'refused'; reason: string };

/** Outcomes of a member's message that are neither an answer nor a refused answer (discussion, probe replies, replays). */
const NOT_AN_ANSWER = new Set(['discussion', 'probe-reply', 'duplicate', 'ignored']);
/** The outcome that counted the answer. */
const COUNTED = new Set(['answer']);

/**
 * Maps what answering returned to what is counted: an answer counted, one refused (the outcome is the reason, so an
 * outcome added later, such as `too-short`, is counted as a refusal under its own name), or nothing at all.
 */
export function answerTally(outcome: string, via: 'thread' | 'form'): AnswerTally | null {
  if (COUNTED.has(outcome)) return { result: 'counted', via };
  if (NOT_AN_ANSWER.has(outcome)) return null;
  return { result: 'refused', reason: outcome };
}
