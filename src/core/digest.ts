import { boardLine } from './board-cards.ts';
import { type Card, card, context, list, text } from './message.ts';
import type { DigestData } from './repository.ts';
import { CATEGORY_NAMES, type Channel } from './types.ts';

/** The weekly digest, or a short nudge when the week had no answers. */
export function digestCard(data: DigestData, channel: Channel, week: string): Card {
  const upcoming = channel.categories.length ? channel.categories.map((c) => CATEGORY_NAMES[c]).join(', ') : 'a mix of every category';
  const ramp = channel.ramp ? ' (easier early in the week, harder by Friday)' : '';
  if (data.answers === 0) {
    return card(`Week of ${week}`, [
      text(
        data.rounds === 0
          ? 'No rounds were revealed this week. The next question comes at the usual time.'
          : `${data.rounds} ${data.rounds === 1 ? 'question' : 'questions'} went unanswered this week. Next week, try answering in the thread before the reveal: a two-line answer counts.`,
      ),
      context(`Next week: ${upcoming}${ramp}.`),
    ]);
  }
  const blocks = [
    list(data.top.map(boardLine), '**Top of the week**'),
    text(
      `**Participation:** ${data.answers} answers over ${data.rounds} ${data.rounds === 1 ? 'round' : 'rounds'} (${(data.answers / Math.max(1, data.rounds)).toFixed(1)} per round).`,
    ),
  ];
  if (data.streaks.length)
    blocks.push(
      list(
        data.streaks.map((s) => `**${s.name}**: ${s.current} rounds in a row`),
        '**Longest running streaks**',
      ),
    );
  if (data.mostDiscussed) blocks.push(text(`**Most discussed** (${data.mostDiscussed.replies} replies): ${data.mostDiscussed.prompt}`));
  if (data.leastAnswered) {
    blocks.push(
      text(
        `**Least answered so far:** ${CATEGORY_NAMES[data.leastAnswered.category]} (${data.leastAnswered.answers} answers). Practise one with \`/mlq ask ${data.leastAnswered.category}\`.`,
      ),
    );
  }
  if (data.leastTicked) {
    const t = data.leastTicked;
    blocks.push(
      text(
        `**To study:** the key point the group ticked least when grading themselves (${t.ticked} of ${t.graded}): “${t.point}”, from “${t.prompt}”`,
      ),
    );
  }
  blocks.push(context(`Next week: ${upcoming}${ramp}.`));
  return card(`Week of ${week} · the digest`, blocks);
}
