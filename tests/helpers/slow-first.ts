import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (measured in CI: simulations, replicas waiting for a minute's tick, new PGlite
 * databases, child processes), longest first. A clean clone has no timings cached, so vitest would order by file
 * size and could start one of these last, leaving one worker busy after the others are done.
 */
const SLOW = [
  'tests/flows/many-groups-replicas.test.ts',
  'tests/store/pglite-template.test.ts',
  'tests/flows/scheduling-month.test.ts',
  'tests/flows/scheduling-dst.test.ts',
  'tests/flows/scheduling.test.ts',
  'tests/discord/replicas.test.ts',
  'tests/bank/cli.test.ts',
  'tests/console.test.ts',
  'tests/discord/rolling-restart.test.ts',
  'tests/pace/discord-fanout.test.ts',
  'tests/store/data-dir-lock.test.ts',
  'tests/store/data-dir-connect.test.ts',
  'tests/config-service.test.ts',
  'tests/metrics-service.test.ts',
];

/** Runs the known slow files first, then the rest in vitest's own order. */
export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = SLOW.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return index === -1 ? SLOW.length : index;
    };
    const rest = await super.sort(files);
    return rest
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map((x) => x.spec);
  }
}
