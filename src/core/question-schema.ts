import { z } from 'zod';
import { wordCount } from './points.ts';
import { CATEGORIES, LEVELS } from './types.ts';

const line = (what: string, max = 400) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`);

const words = (what: string, min: number, max: number) =>
  line(what, 4000).refine((t) => wordCount(t) >= min && wordCount(t) <= max, {
    error: (issue) => `${what} has ${wordCount(String(issue.input))} words; it needs ${min} to ${max}`,
  });

const step = (what: string) => line(what, 800);

/** The question file format of questions/FORMAT.md, checked field by field with a sentence for each problem. */
export const questionSchema = z
  .object({
    id: z
      .string({ error: 'id must be text' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case (a-z, 0-9 and dashes)')
      .min(3)
      .max(60),
    category: z.enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(', ')}` }),
    level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }),
    prompt: line('prompt', 600).refine((t) => /[?.]$/.test(t), 'prompt must end with ? or .'),
    tldr: line('tldr', 300)
      .refine((t) => !/\n/.test(t), 'tldr must be one line')
      .refine((t) => wordCount(t) <= 25, { error: (issue) => `tldr has ${wordCount(String(issue.input))} words; it needs at most 25` }),
    strong_answer: words('strong_answer', 120, 300),
    weak_answer: words('weak_answer', 40, 150),
    key_points: z
      .array(line('a key point', 300), { error: 'key_points must be a list' })
      .min(3, 'key_points needs 3 to 6 items')
      .max(6, 'key_points needs 3 to 6 items'),
    probes: z
      .array(
        z.strictObject(
          { question: line('probe question', 400), guidance: line('probe guidance', 500) },
          { error: 'each probe needs a question and its guidance' },
        ),
        { error: 'probes must be a list' },
      )
      .min(2, 'probes needs 2 to 4 items')
      .max(4, 'probes needs 2 to 4 items'),
    tags: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9 .+@'/-]*$/, 'tags must be lowercase words'), { error: 'tags must be a list' })
      .min(2, 'tags needs 2 to 8 items')
      .max(8, 'tags needs 2 to 8 items'),
    approach: z
      .strictObject({
        objective: step('approach.objective'),
        options: step('approach.options'),
        choice: step('approach.choice'),
        limits: step('approach.limits'),
        metrics: step('approach.metrics'),
        monitoring: step('approach.monitoring'),
      })
      .optional(),
    story: z
      .strictObject({
        situation: step('story.situation'),
        task: step('story.task'),
        action: step('story.action'),
        result: step('story.result'),
        listen_for: step('story.listen_for'),
      })
      .optional(),
    solution: z
      .strictObject({
        code: z
          .string({ error: 'solution.code must be text' })
          .trim()
          .min(1, 'solution.code is empty')
          .refine((t) => t.split('\n').length <= 40, 'solution.code has more than 40 lines')
          .refine((t) => t.split('\n').every((l) => l.length <= 72), 'solution.code has a line longer than 72 characters'),
        complexity: step('solution.complexity'),
        edge_cases: z.array(line('an edge case'), { error: 'solution.edge_cases must be a list' }).min(2).max(5),
        tests: z.array(line('a test'), { error: 'solution.tests must be a list' }).min(2).max(6),
      })
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const structured = q.category === 'case-studies' || q.category === 'system-design';
    if (structured && !q.approach)
      ctx.addIssue({ code: 'custom', path: ['approach'], message: `${q.category} questions need an approach block` });
    if (!structured && q.approach)
      ctx.addIssue({ code: 'custom', path: ['approach'], message: 'only case-studies and system-design questions have an approach block' });
    if (q.category === 'behavioural' && !q.story)
      ctx.addIssue({ code: 'custom', path: ['story'], message: 'behavioural questions need a story block' });
    if (q.category === 'coding' && !q.solution)
      ctx.addIssue({ code: 'custom', path: ['solution'], message: 'coding questions need a solution block' });
    if (q.category !== 'coding' && q.solution)
      ctx.addIssue({ code: 'custom', path: ['solution'], message: 'only coding questions have a solution block' });
    if (q.category !== 'behavioural' && q.story)
      ctx.addIssue({ code: 'custom', path: ['story'], message: 'only behavioural questions have a story block' });
  });
