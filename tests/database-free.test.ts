import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFreeTests } from './helpers/database-free.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mlq-dbfree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the test files a Postgres run leaves out', () => {
  it('keeps every file that reaches the database helper, directly, through helpers, or by reading MLQ_TEST_DB', () => {
    const root = tree({
      'tests/helpers/database.ts': 'export const TEST_DB = 1;',
      'tests/helpers/harness.ts': "import { TEST_DB } from './database.ts';",
      'tests/helpers/deeper.ts': "export * from './harness.ts';",
      'tests/helpers/wait.ts': 'export const wait = 1;',
      'tests/helpers/loop-a.ts': "import './loop-b.ts';",
      'tests/helpers/loop-b.ts': "import './loop-a.ts';",
      'tests/core/pure.test.ts': "import { wait } from '../helpers/wait.ts';\nimport { x } from '../../src/store/connect.ts';",
      'tests/core/direct.test.ts': "import { createTestDatabase } from '../helpers/database.ts';",
      'tests/flows/through.test.ts': "import {\n  h,\n} from '../helpers/deeper.ts';",
      'tests/flows/dynamic.test.ts': "const m = await import('../helpers/harness.ts');",
      'tests/store/env.test.ts': "const pg = process.env.MLQ_TEST_DB === 'postgres';",
      'tests/store/loops.test.ts': "import '../helpers/loop-a.ts';",
      'tests/fixtures/not-a-suite.test.ts': "import '../helpers/database.ts';",
      'tests/notes.md': 'not a test',
    });
    expect(databaseFreeTests(root)).toEqual(['tests/core/pure.test.ts', 'tests/store/loops.test.ts']);
  });

  it('leaves out the pure rules and keeps the flows and the store in this repository', () => {
    const free = databaseFreeTests(process.cwd());
    expect(free).toContain('tests/core/streaks.test.ts');
    expect(free).toContain('tests/bank/cli.test.ts');
    expect(free).not.toContain('tests/core/interactions.test.ts');
    expect(free).not.toContain('tests/flows/scheduling.test.ts');
    expect(free).not.toContain('tests/store/archive-repo.test.ts');
    expect(free).not.toContain('tests/console.test.ts');
  });
});
