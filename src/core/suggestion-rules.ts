import { stringify } from 'yaml';
import { questionSchema } from './question-schema.ts';
import { err, ok, type Result } from './result.ts';
import { CATEGORIES, type Category, type Question } from './types.ts';

/** The suggestion form's fields in the order a member fills them in, with what each holds. */
export const SUGGESTION_FIELDS = [
  { id: 'prompt', label: 'The question', hint: 'As an interviewer asks it; ends with ? or .', maxLength: 600, short: false },
  { id: 'category', label: 'Category', hint: '', maxLength: 40, short: true },
  { id: 'level', label: 'Level', hint: 'junior, mid or senior', maxLength: 10, short: true },
  { id: 'tldr', label: 'The strong answer in one line', hint: 'At most 25 words.', maxLength: 300, short: true },
  {
    id: 'strong_answer',
    label: 'Strong answer (120 to 300 words)',
    hint: 'Definition, a practical implication, an example, the trade-off.',
    maxLength: 3000,
    short: false,
  },
  {
    id: 'weak_answer',
    label: 'Weak answer (40 to 150 words)',
    hint: 'What a weak answer says and why it fails.',
    maxLength: 1500,
    short: false,
  },
  { id: 'key_points', label: 'Key points (3 to 6, one a line)', hint: 'What a reviewer ticks off.', maxLength: 1800, short: false },
  {
    id: 'probes',
    label: 'Probes (2 to 4, one a line)',
    hint: 'Each line: the follow-up question | what a good reply covers.',
    maxLength: 3000,
    short: false,
  },
  {
    id: 'tags',
    label: 'Tags (2 to 8, with commas)',
    hint: 'Lowercase topic words, such as drift, monitoring.',
    maxLength: 300,
    short: true,
  },
] as const;

export type SuggestionFieldId = (typeof SUGGESTION_FIELDS)[number]['id'];
export type SuggestionFields = Partial<Record<SuggestionFieldId, string>>;

/** Categories whose questions need a structured block (approach, story or solution) that the form does not take. */
const STRUCTURED: Category[] = ['case-studies', 'system-design', 'behavioural', 'coding'];
/** The categories a suggestion can have. */
export const SUGGESTION_CATEGORIES = CATEGORIES.filter((c) => !STRUCTURED.includes(c));

/** A question as the suggestion form gives it: every field of the bank format but the id and the structured blocks. */
export type SuggestedQuestion = Omit<Question, 'id' | 'approach' | 'story' | 'solution' | 'suggested_by'>;

/** A kebab-case id from a prompt: its first words, at most 50 characters, as the bank's ids are. */
export function slugOf(prompt: string): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 50) break;
    slug = next;
  }
  return slug.length >= 3 ? slug : `question-${slug || 'x'}`.slice(0, 50);
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '').trim())
    .filter(Boolean);

/** A probe line, `question | guidance` (also ` — ` or ` -- ` between them). */
function probeOf(line: string): { question: string; guidance: string } {
  const at = /\s+(?:\||—|--)\s+|\s*\|\s*/.exec(line);
  if (!at) return { question: line, guidance: '' };
  return { question: line.slice(0, at.index).trim(), guidance: line.slice(at.index + at[0].length).trim() };
}

/** The form's texts as the bank format's fields (lists split into lines, tags at commas), before the schema checks them. */
export function questionOf(fields: SuggestionFields): Record<string, unknown> {
  return {
    id: slugOf(fields.prompt ?? ''),
    category: (fields.category ?? '').trim().toLowerCase().replace(/\s+/g, '-'),
    level: (fields.level ?? '').trim().toLowerCase(),
    prompt: (fields.prompt ?? '').trim(),
    tldr: (fields.tldr ?? '').trim(),
    strong_answer: (fields.strong_answer ?? '').trim(),
    weak_answer: (fields.weak_answer ?? '').trim(),
    key_points: lines(fields.key_points),
    probes: lines(fields.probes).map(probeOf),
    tags: (fields.tags ?? '')
      .split(/[,\n]/)
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  };
}

const FIELD_OF: Record<string, SuggestionFieldId> = { id: 'prompt', approach: 'category', story: 'category', solution: 'category' };

/**
 * Checks a suggestion with the bank's own schema: the question, or one sentence per field that is wrong, keyed by the
 * form's field ids (an id that cannot be made from the prompt is the prompt's problem).
 */
export function checkSuggestion(fields: SuggestionFields): Result<SuggestedQuestion, 'invalid'> & { errors?: Record<string, string> } {
  const candidate = questionOf(fields);
  const errors: Record<string, string> = {};
  if (STRUCTURED.includes(candidate.category as Category)) {
    errors.category = `a ${candidate.category} question needs a structured block the form cannot take; choose one of ${SUGGESTION_CATEGORIES.join(', ')}`;
  }
  const parsed = questionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const top = String(issue.path[0] ?? 'prompt');
      const field = FIELD_OF[top] ?? (top as SuggestionFieldId);
      if (field === 'category' && errors.category) continue;
      errors[field] ??= field === 'category' ? `category must be one of ${SUGGESTION_CATEGORIES.join(', ')}` : issue.message;
    }
  }
  if (Object.keys(errors).length || !parsed.success) {
    return { ...err('invalid', Object.values(errors)[0] ?? 'the suggestion is not complete'), errors };
  }
  const { id: _id, approach: _a, story: _s, solution: _so, ...question } = parsed.data;
  return ok(question as SuggestedQuestion);
}

/** A stored suggestion's question back as the form's texts, to edit it. */
export function fieldsOf(q: SuggestedQuestion): Required<SuggestionFields> {
  return {
    prompt: q.prompt,
    category: q.category,
    level: q.level,
    tldr: q.tldr ?? '',
    strong_answer: q.strong_answer,
    weak_answer: q.weak_answer,
    key_points: q.key_points.join('\n'),
    probes: q.probes.map((p) => `${p.question} | ${p.guidance}`).join('\n'),
    tags: q.tags.join(', '),
  };
}

/** A question as a bank file (questions/FORMAT.md): its fields in the bank's order, every string quoted or a block. */
export function questionYaml(q: Question, credit?: string): string {
  const { suggested_by: _credit, ...fields } = q;
  const ordered = {
    id: fields.id,
    category: fields.category,
    level: fields.level,
    prompt: fields.prompt,
    tldr: fields.tldr,
    strong_answer: fields.strong_answer,
    weak_answer: fields.weak_answer,
    key_points: fields.key_points,
    probes: fields.probes,
    tags: fields.tags,
  };
  const yaml = stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  const head = credit ? `# Suggested by ${credit.replace(/\s+/g, ' ')} in mlq.\n` : '';
  return `${head}${yaml}`;
}
