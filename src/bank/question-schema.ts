/** The bank's question schema; it lives in the core so that member suggestions are checked by the same rules. */
export { questionSchema } from '../core/question-schema.ts';
