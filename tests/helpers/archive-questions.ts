import type { Category, Level, Question } from '../../src/core/types.ts';

const question = (id: string, category: Category, level: Level, prompt: string, tags: string[], strong: string): Question => ({
  id,
  category,
  level,
  prompt,
  strong_answer: strong,
  weak_answer: 'w',
  key_points: ['a', 'b', 'c'],
  probes: [{ question: 'q', guidance: 'g' }],
  tags,
});

/** Five questions whose words the archive tests count on: which field holds each word, and how often. */
export const ARCHIVE_QUESTIONS = [
  question(
    'q-overfit',
    'fundamentals',
    'junior',
    'What is overfitting, and how do you notice it in a model?',
    ['overfitting', 'regularisation'],
    'A model that fits noise in its training set scores far better there than on held-out data; watch the gap between training and validation loss.',
  ),
  question(
    'q-dropout',
    'deep-learning',
    'mid',
    'Why does dropout help a deep network generalise?',
    ['dropout', 'regularisation'],
    'Randomly silencing units trains many thinned networks at once, which curbs overfitting much as an ensemble would.',
  ),
  question(
    'q-drift',
    'mlops',
    'senior',
    'How would you notice data drift in production?',
    ['monitoring', 'drift'],
    'Compare live feature distributions with the training window; falling accuracy can look like overfitting but comes from the world changing.',
  ),
  question(
    'q-pvalue',
    'statistics',
    'junior',
    'What does a p-value tell you, and what does it leave out?',
    ['p-values', 'hypothesis testing'],
    'It is the chance of data at least this extreme if the null hypothesis held; it says nothing about effect size.',
  ),
  question(
    'q-imbalance',
    'evaluation',
    'mid',
    'How do you evaluate a classifier when one class is rare?',
    ['class imbalance', 'metrics'],
    'Accuracy hides the minority class, so report precision and recall per class and the precision-recall curve.',
  ),
];
