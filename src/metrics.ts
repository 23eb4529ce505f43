import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AnswerTally, CommandOutcome, Metrics } from './core/metrics.ts';

/** The core's metrics kept in a Prometheus registry, with the process's default metrics, for `GET /metrics`. */
export interface ServiceMetrics extends Metrics {
  readonly contentType: string;
  /** The registry in Prometheus's text format. */
  render(): Promise<string>;
}

/** Distinct platform/code pairs kept before further codes are counted as `other`, so a strange error cannot flood the labels. */
export const MAX_ERROR_CODES = 50;

/** A fresh registry (one per process; tests make their own) holding every mlq metric and the default process metrics. */
export function createMetrics(): ServiceMetrics {
  const registers = [new Registry()];
  collectDefaultMetrics({ register: registers[0] });
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) => new Counter({ name, help, labelNames, registers });
  const posted = counter('mlq_rounds_posted_total', 'Rounds posted (one found posted after a lapsed lease included).', ['platform']);
  const revealed = counter('mlq_rounds_revealed_total', 'Rounds revealed with their strong answer.', ['platform']);
  const counted = counter('mlq_answers_counted_total', "Members' answers counted, by how they were given (thread or form).", ['via']);
  const refused = counter('mlq_answers_refused_total', "Members' answers not counted, by the outcome that refused them.", ['reason']);
  const commands = counter('mlq_commands_total', '/mlq commands, by command (unknown for none) and outcome.', ['command', 'outcome']);
  const errors = counter('mlq_platform_errors_total', 'Failed calls to a chat platform, by platform and error code.', ['platform', 'code']);
  const commandSeconds = new Histogram({
    name: 'mlq_command_duration_seconds',
    help: 'Time to handle one /mlq command, from the line received to the reply ready.',
    labelNames: ['command'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const passSeconds = new Histogram({
    name: 'mlq_scheduler_pass_duration_seconds',
    help: 'Time one scheduler pass took (posts, reveals and digests of one tick).',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const lag = new Gauge({
    name: 'mlq_scheduler_lag_seconds',
    help: 'At the start of the latest scheduler pass: its start time minus the earliest due time of the work it found due (0 when none).',
    registers,
  });
  const seenCodes = new Set<string>();
  const boundedCode = (platform: string, code: string) => {
    const pair = `${platform}\u0000${code}`;
    if (seenCodes.has(pair)) return code;
    if (seenCodes.size >= MAX_ERROR_CODES) return 'other';
    seenCodes.add(pair);
    return code;
  };

  return {
    contentType: registers[0]!.contentType,
    render: () => registers[0]!.metrics(),
    roundPosted: (platform: string) => posted.inc({ platform }),
    roundRevealed: (platform: string) => revealed.inc({ platform }),
    answer: (tally: AnswerTally) => (tally.result === 'counted' ? counted.inc({ via: tally.via }) : refused.inc({ reason: tally.reason })),
    command: (name: string, outcome: CommandOutcome, seconds: number) => {
      commands.inc({ command: name, outcome });
      commandSeconds.observe({ command: name }, seconds);
    },
    platformError: (platform: string, code: string) => errors.inc({ platform, code: boundedCode(platform, code) }),
    schedulerPass: (seconds: number, lagSeconds: number) => {
      passSeconds.observe(seconds);
      lag.set(lagSeconds);
    },
  };
}
