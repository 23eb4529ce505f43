import { describe, expect, it } from 'vitest';
import {
  checkSuggestion,
  fieldsOf,
  questionOf,
  questionYaml,
  SUGGESTION_CATEGORIES,
  SUGGESTION_FIELDS,
  slugOf,
} from '../../src/core/suggestion-rules.ts';
import type { Question } from '../../src/core/types.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

/** A short suggestion that passes the schema; each test changes one field. */
const BASE = {
  prompt: 'Why does the base rate matter?',
  category: 'statistics',
  level: 'mid',
  tldr: 'Rare events stay rare.',
  strong_answer: words(120),
  weak_answer: words(40),
  key_points: 'Names the base rate\nUses Bayes\nGives a number',
  probes: 'And a rarer event? | Fewer true positives.\nAnd a better test? | More of them.',
  tags: 'bayes, base rate',
};

const errorsOf = (changes: Record<string, string | undefined>) => checkSuggestion({ ...BASE, ...changes }).errors ?? {};

describe('the suggestion form fields', () => {
  it('lists the nine fields in the order a member fills them in, short ones marked', () => {
    expect(SUGGESTION_FIELDS.map((f) => `${f.id}:${f.maxLength}:${f.short ? 'short' : 'long'}`)).toEqual([
      'prompt:600:long',
      'category:40:short',
      'level:10:short',
      'tldr:300:short',
      'strong_answer:3000:long',
      'weak_answer:1500:long',
      'key_points:1800:long',
      'probes:3000:long',
      'tags:300:short',
    ]);
  });

  it('leaves out the categories that need a structured block', () => {
    expect(SUGGESTION_CATEGORIES).toEqual(['fundamentals', 'statistics', 'evaluation', 'features', 'deep-learning', 'mlops']);
  });
});

describe('slugOf', () => {
  it('makes a kebab-case id of the first words, without accents or punctuation', () => {
    expect(slugOf('Why does the Base-Rate matter?')).toBe('why-does-the-base-rate-matter');
    expect(slugOf('  Qu’est-ce qu’un modèle naïf ?  ')).toBe('qu-est-ce-qu-un-modele-naif');
    expect(slugOf('A/B tests: 2 arms & more')).toBe('a-b-tests-2-arms-more');
  });

  it('stops before the word that would pass 50 characters', () => {
    const ten = 'abcdefghi';
    expect(slugOf(`${ten} ${ten} ${ten} ${ten} ${ten} more`)).toBe(`${ten}-${ten}-${ten}-${ten}-${ten}`);
    expect(slugOf(`${ten} ${ten} ${ten} ${ten} ${ten} x`)).toBe(`${ten}-${ten}-${ten}-${ten}-${ten}`);
    expect(slugOf(`${ten} ${ten} ${ten} ${ten} ${'abcdefgh'} x`)).toHaveLength(50);
    expect(slugOf(`${ten} ${ten} ${ten} ${ten} ${'abcdefgh'} x`)).toBe(`${ten}-${ten}-${ten}-${ten}-abcdefgh-x`);
    expect(slugOf(`${ten} ${ten} ${ten} ${ten} ${ten} ${ten}`)).toHaveLength(49);
  });

  it('takes no word at all when the first word alone is over 50 characters', () => {
    expect(slugOf('x'.repeat(51))).toBe('question-x');
    expect(slugOf('x'.repeat(50))).toBe('x'.repeat(50));
  });

  it('pads an id under 3 characters and names an empty one x', () => {
    expect(slugOf('Ab?')).toBe('question-ab');
    expect(slugOf('Abc?')).toBe('abc');
    expect(slugOf('??')).toBe('question-x');
    expect(slugOf('')).toBe('question-x');
  });
});

describe('questionOf', () => {
  it('splits lists into lines without bullets or numbers and tags at commas and lines', () => {
    const q = questionOf({
      prompt: '  Why?  ',
      category: ' Deep  Learning ',
      level: ' Senior ',
      tldr: ' one ',
      strong_answer: ' strong ',
      weak_answer: ' weak ',
      key_points: '- first\n* second\n• third\n1. fourth\n12) fifth\n\n  sixth  \n-no space',
      probes: 'Q one? | G one\nQ two? — G two\nQ three? -- G three\nQ four?|G four\nQ five?',
      tags: ' Drift, Monitoring\nML ops,, ',
    });
    expect(q).toEqual({
      id: 'why',
      category: 'deep-learning',
      level: 'senior',
      prompt: 'Why?',
      tldr: 'one',
      strong_answer: 'strong',
      weak_answer: 'weak',
      key_points: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', '-no space'],
      probes: [
        { question: 'Q one?', guidance: 'G one' },
        { question: 'Q two?', guidance: 'G two' },
        { question: 'Q three?', guidance: 'G three' },
        { question: 'Q four?', guidance: 'G four' },
        { question: 'Q five?', guidance: '' },
      ],
      tags: ['drift', 'monitoring', 'ml ops'],
    });
  });

  it('keeps a dash inside a probe question and a three-digit number at a line start', () => {
    const q = questionOf({ probes: 'Is a well-known trick fine? | Yes', key_points: '123. items\n1.5 times' });
    expect(q.probes).toEqual([{ question: 'Is a well-known trick fine?', guidance: 'Yes' }]);
    expect(q.key_points).toEqual(['123. items', '1.5 times']);
  });

  it('gives empty texts and lists for a blank form', () => {
    expect(questionOf({})).toEqual({
      id: 'question-x',
      category: '',
      level: '',
      prompt: '',
      tldr: '',
      strong_answer: '',
      weak_answer: '',
      key_points: [],
      probes: [],
      tags: [],
    });
  });
});

describe('checkSuggestion', () => {
  it('accepts a good suggestion as a question without an id', () => {
    const checked = checkSuggestion(BASE);
    expect(checked).toEqual({
      ok: true,
      value: {
        category: 'statistics',
        level: 'mid',
        prompt: 'Why does the base rate matter?',
        tldr: 'Rare events stay rare.',
        strong_answer: words(120),
        weak_answer: words(40),
        key_points: ['Names the base rate', 'Uses Bayes', 'Gives a number'],
        probes: [
          { question: 'And a rarer event?', guidance: 'Fewer true positives.' },
          { question: 'And a better test?', guidance: 'More of them.' },
        ],
        tags: ['bayes', 'base rate'],
      },
    });
    expect(checkSuggestion(GOOD_SUGGESTION).ok).toBe(true);
  });

  it('keys each problem by the form field, the first one as the message', () => {
    const checked = checkSuggestion({ ...BASE, level: 'expert', tags: 'one' });
    expect(checked.ok).toBe(false);
    expect(checked.errors).toEqual({ level: 'level must be one of junior, mid, senior', tags: 'tags needs 2 to 8 items' });
    expect(checked).toMatchObject({ ok: false, error: 'invalid', message: 'level must be one of junior, mid, senior' });
  });

  it('keeps the first problem of a field when it has several', () => {
    expect(errorsOf({ prompt: '   ' })).toEqual({ prompt: 'prompt is empty' });
  });

  it('makes a valid id from any prompt, even a short one', () => {
    expect(errorsOf({ prompt: 'Ab?' })).toEqual({});
    expect(checkSuggestion({ ...BASE, prompt: '?' }).ok).toBe(true);
  });

  it('names the categories a suggestion can have for a wrong category', () => {
    const choices = 'fundamentals, statistics, evaluation, features, deep-learning, mlops';
    expect(errorsOf({ category: 'cooking' })).toEqual({ category: `category must be one of ${choices}` });
    expect(errorsOf({ category: undefined })).toEqual({ category: `category must be one of ${choices}` });
  });

  it('refuses a category that needs a structured block with one sentence saying why', () => {
    const choices = 'fundamentals, statistics, evaluation, features, deep-learning, mlops';
    for (const category of ['case-studies', 'system-design', 'behavioural', 'coding']) {
      const checked = checkSuggestion({ ...BASE, category });
      expect(checked.errors).toEqual({
        category: `a ${category} question needs a structured block the form cannot take; choose one of ${choices}`,
      });
      expect(checked).toMatchObject({ ok: false, message: checked.errors?.category });
    }
    expect(errorsOf({ category: 'Case Studies', level: 'x' })).toEqual({
      category: `a case-studies question needs a structured block the form cannot take; choose one of ${choices}`,
      level: 'level must be one of junior, mid, senior',
    });
  });

  it('checks the limits of the lists at and beyond each end', () => {
    expect(errorsOf({ key_points: 'a\nb' })).toEqual({ key_points: 'key_points needs 3 to 6 items' });
    expect(errorsOf({ key_points: 'a\nb\nc\nd\ne\nf' })).toEqual({});
    expect(errorsOf({ key_points: 'a\nb\nc\nd\ne\nf\ng' })).toEqual({ key_points: 'key_points needs 3 to 6 items' });
    expect(errorsOf({ probes: 'Q? | G' })).toEqual({ probes: 'probes needs 2 to 4 items' });
    expect(errorsOf({ probes: 'Q? | G\nQ2?' })).toEqual({ probes: 'probe guidance is empty' });
    expect(errorsOf({ tags: 'a, b, c, d, e, f, g, h' })).toEqual({});
    expect(errorsOf({ tags: 'a, b, c, d, e, f, g, h, i' })).toEqual({ tags: 'tags needs 2 to 8 items' });
  });
});

describe('fieldsOf and questionYaml', () => {
  const question: Question = {
    id: 'base-rate',
    category: 'statistics',
    level: 'mid',
    prompt: 'Why does the base rate matter?',
    strong_answer: 'Strong.',
    weak_answer: 'Weak.',
    key_points: ['One', 'Two'],
    probes: [
      { question: 'Q1?', guidance: 'G1' },
      { question: 'Q2?', guidance: 'G2' },
    ],
    tags: ['bayes', 'base rate'],
    suggested_by: 'Ada',
  };

  it('gives a stored question back as the form texts, an empty one-liner when it has none', () => {
    expect(fieldsOf(question)).toEqual({
      prompt: 'Why does the base rate matter?',
      category: 'statistics',
      level: 'mid',
      tldr: '',
      strong_answer: 'Strong.',
      weak_answer: 'Weak.',
      key_points: 'One\nTwo',
      probes: 'Q1? | G1\nQ2? | G2',
      tags: 'bayes, base rate',
    });
    expect(fieldsOf({ ...question, tldr: 'Short.' }).tldr).toBe('Short.');
  });

  it('round-trips a checked suggestion through the form texts', () => {
    const checked = checkSuggestion(BASE);
    if (!checked.ok) throw new Error('expected a valid suggestion');
    expect(checkSuggestion(fieldsOf(checked.value))).toEqual(checked);
  });

  it('writes the bank fields in order, strings quoted, with the credit on one line', () => {
    expect(questionYaml({ ...question, tldr: 'Short.' }, 'Ada\n  Lovelace')).toBe(
      [
        '# Suggested by Ada Lovelace in mlq.',
        'id: "base-rate"',
        'category: "statistics"',
        'level: "mid"',
        'prompt: "Why does the base rate matter?"',
        'tldr: "Short."',
        'strong_answer: "Strong."',
        'weak_answer: "Weak."',
        'key_points:',
        '  - "One"',
        '  - "Two"',
        'probes:',
        '  - question: "Q1?"',
        '    guidance: "G1"',
        '  - question: "Q2?"',
        '    guidance: "G2"',
        'tags:',
        '  - "bayes"',
        '  - "base rate"',
        '',
      ].join('\n'),
    );
  });

  it('writes no credit line without a credit and never the suggested_by field', () => {
    const yaml = questionYaml(question);
    expect(yaml.startsWith('id: "base-rate"\n')).toBe(true);
    expect(yaml).not.toContain('suggested_by');
    expect(yaml).not.toContain('Ada');
    expect(questionYaml(question, '')).toBe(yaml);
  });
});
