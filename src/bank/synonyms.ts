/**
 * Words an ML interviewer treats as one idea, folded into one concept term before questions are compared, so that
 * two questions asking the same thing in different words still look alike. Each pattern runs on lower-case text.
 */
export const SYNONYMS: [string, RegExp][] = [
  ['_overfit', /\b(over-?fit\w*|memoris\w*)\b/g],
  ['_regularise', /\b(regularis\w*|weight decay|dropout|early stopping|label smoothing|stochastic depth)\b/g],
  ['_holdout', /\b(validation|held-?out|hold-?out|dev set)\b/g],
  ['_leakage', /\b(leak\w*|contaminat\w*)\b/g],
  ['_prioritise', /\b(prioritis\w*|roadmap|backlog)\b/g],
  ['_threshold', /\b(thresholds?|cut-?offs?|decision rule)\b/g],
  ['_imbalance', /\b(imbalanc\w*|rare class\w*|minority class\w*)\b/g],
  ['_serving', /\b(serv(e|es|ed|ing)|inference|real-?time)\b/g],
  ['_remedy', /\b(fix(es)?|levers?|remed\w*|interventions?)\b/g],
  ['_capacity', /\b(model complexity|model size|shrink\w*|too many parameters|simpler model|smaller (model|network))\b/g],
  ['_costly', /\b(expensive|costly|dear)\b/g],
];
