import { archive } from './archive-command.ts';
import { ask, solution, topics } from './bank-commands.ts';
import { config } from './config-command.ts';
import { helpCommand } from './help-command.ts';
import { away, leaderboard, stats, streak } from './member-commands.ts';
import { mock } from './mock-command.ts';
import { pairs } from './pairs-command.ts';
import { forget, privacy } from './privacy-commands.ts';
import { grade, guidance, review } from './review-commands.ts';
import { reveal, skip, start, stop, today } from './round-commands.ts';
import type { AnyCommand } from './spec.ts';
import { exportCommand, next, queue, suggest } from './suggest-commands.ts';
import { web } from './web-command.ts';

/** Every `/mlq` command, in the order help lists them. */
export const COMMANDS: AnyCommand[] = [];
COMMANDS.push(
  helpCommand(() => COMMANDS),
  today,
  ask,
  solution,
  grade,
  review,
  mock,
  guidance,
  streak,
  away,
  leaderboard,
  stats,
  pairs,
  privacy,
  forget,
  topics,
  archive,
  web,
  suggest,
  reveal,
  skip,
  start,
  stop,
  config,
  queue,
  next,
  exportCommand,
);
