import type { CoreDeps } from './deps.ts';
import type { ActionEvent } from './events.ts';
import type { InteractionReply } from './interactions.ts';
import { type Block, type Button, buttons, type Card, card, context, text } from './message.ts';
import { platformOf } from './port.ts';
import type { ArchiveRound } from './repository.ts';
import { CATEGORIES, CATEGORY_NAMES, type Category } from './types.ts';

/** Rounds on one page of the archive: one row of "add to review" buttons holds five (Discord's limit). */
export const ARCHIVE_PAGE_SIZE = 5;
/** The most pages `page N` walks to; a later page is reached with Next. */
export const MAX_ARCHIVE_PAGE = 50;
/** The longest search (its words with spaces), so that a page button carries it within Discord's 100-character id. */
export const MAX_ARCHIVE_SEARCH = 40;

export const ARCHIVE_PAGE_ACTION = 'archive.page';
export const ARCHIVE_REVIEW_ACTION = 'archive.review';

/** One archive search: its words, its category, and where the page starts (a store cursor) with its number. */
export interface ArchiveSearch {
  words: string[];
  category?: Category;
  page: number;
  cursor?: string;
}

/** A page button's value: `page~cursor~category~words`, read back by parseSearch. */
export function searchValue(search: ArchiveSearch): string {
  return [search.page, search.cursor ?? '', search.category ?? '', search.words.join(' ')].join('~');
}

export function parseSearch(value: string): ArchiveSearch | null {
  const m = /^(\d{1,3})~([^~]{0,40})~([a-z-]{0,20})~(.{0,80})$/su.exec(value);
  if (!m) return null;
  const category = m[3] ? (CATEGORIES as readonly string[]).find((c) => c === m[3]) : undefined;
  if (m[3] && !category) return null;
  const words = m[4]!.split(' ').filter(Boolean);
  return { page: Number(m[1]), cursor: m[2] || undefined, category: category as Category | undefined, words };
}

/** The command that shows the same search at another page, for platforms without buttons. */
export function pageCommand(search: Pick<ArchiveSearch, 'words' | 'category'>, page: number): string {
  return ['/mlq archive', ...search.words, search.category, page > 1 ? `page ${page}` : ''].filter(Boolean).join(' ');
}

/** Shown beside each round: its date, category, level, and the link to its thread where the platform has one. */
async function roundLine(deps: CoreDeps, channelId: string, round: ArchiveRound): Promise<string> {
  const port = deps.ports.for(channelId);
  const link = round.messageId && port.link ? await port.link(round.messageId).catch(() => null) : null;
  const parts = [round.localDate, CATEGORY_NAMES[round.category], round.level];
  if (!round.revealed) parts.push('open: not revealed yet');
  if (link) parts.push(`[open the thread](${link})`);
  return parts.join(' · ');
}

const reviewButton = (round: ArchiveRound, n: number): Button => ({
  label: `Review #${n}`,
  action: ARCHIVE_REVIEW_ACTION,
  value: String(round.roundId),
  command: `/mlq review add ${round.questionId}`,
});

/** One page of a channel's past rounds, best match first and newest first among equal matches. */
export async function archiveCard(deps: CoreDeps, channelId: string, search: ArchiveSearch): Promise<Card> {
  const page = await deps.repo.searchArchive({
    channelId,
    words: search.words,
    category: search.category,
    pageSize: ARCHIVE_PAGE_SIZE,
    cursor: search.cursor,
  });
  const what = [search.words.length ? `“${search.words.join(' ')}”` : '', search.category ? CATEGORY_NAMES[search.category] : '']
    .filter(Boolean)
    .join(' in ');
  const title = `Archive${what ? ` · ${what}` : ''}${search.page > 1 ? ` · page ${search.page}` : ''}`;
  if (page.rounds.length === 0) {
    const none = what
      ? `No past round here matches ${what}. Try fewer or other words, or \`/mlq archive\` for the newest rounds.`
      : 'This channel has no past rounds yet.';
    return card(title, [text(none)]);
  }
  const blocks: Block[] = [];
  const first = (search.page - 1) * ARCHIVE_PAGE_SIZE;
  for (const [i, round] of page.rounds.entries()) {
    blocks.push(text(`**${first + i + 1}.** ${round.prompt}`), context(await roundLine(deps, channelId, round)));
  }
  const reviewable = page.rounds.map((r, i) => ({ r, n: first + i + 1 })).filter(({ r }) => r.revealed);
  if (reviewable.length) blocks.push(buttons(reviewable.map(({ r, n }) => reviewButton(r, n))));
  const nav: Button[] = [];
  if (page.prev && search.page > 1)
    nav.push({
      label: 'Prev',
      action: ARCHIVE_PAGE_ACTION,
      value: searchValue({ ...search, page: search.page - 1, cursor: page.prev }),
      command: pageCommand(search, search.page - 1),
    });
  if (page.next)
    nav.push({
      label: 'Next',
      action: ARCHIVE_PAGE_ACTION,
      value: searchValue({ ...search, page: search.page + 1, cursor: page.next }),
      command: pageCommand(search, search.page + 1),
      style: 'primary',
    });
  if (nav.length) blocks.push(buttons(nav));
  if (reviewable.length) blocks.push(context('**Review #n** adds that question to your review cards (`/mlq review`), due now.'));
  return card(title, blocks);
}

/** Reaches page `n` of a search by walking its cursors from the first page (the terminal's `page N`). */
export async function cursorOfPage(deps: CoreDeps, channelId: string, search: Omit<ArchiveSearch, 'page' | 'cursor'>, n: number) {
  let cursor: string | undefined;
  for (let page = 1; page < n; page++) {
    const result = await deps.repo.searchArchive({ channelId, ...search, pageSize: ARCHIVE_PAGE_SIZE, cursor });
    if (!result.next) return { cursor, page };
    cursor = result.next;
  }
  return { cursor, page: n };
}

/** The Prev and Next buttons of an archive page. */
export async function openArchivePage(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const search = parseSearch(event.value);
  if (!search) return { kind: 'notice', text: 'That page is no longer available; run `/mlq archive` again.' };
  return { kind: 'card', card: await archiveCard(deps, event.channelId, search) };
}

/** Adds a question to a member's review cards once; a second press (or another channel's round) changes nothing. */
export async function addToReview(
  deps: CoreDeps,
  member: { actor: ActionEvent['actor']; communityId: string; channelId: string },
  questionId: string,
): Promise<string> {
  const question = await deps.repo.getQuestion(questionId);
  if (!question) return 'There is no question with that id.';
  await deps.repo.upsertCommunity(member.communityId, platformOf(member.channelId), '');
  await deps.repo.upsertMember(member.actor, member.communityId);
  const added = await deps.repo.addReviewCard(member.actor.id, question.id, member.channelId, deps.clock.now());
  return added
    ? `Added to your review cards, due now: “${question.prompt}”. \`/mlq review\` brings it up.`
    : `It is in your review cards already: “${question.prompt}”.`;
}

/** The "Review #n" button of an archive page: only a revealed round's question, so no reveal is given away early. */
export async function reviewFromArchive(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const round = /^\d{1,9}$/.test(event.value) ? await deps.repo.getRound(Number(event.value)) : null;
  if (round?.status !== 'revealed') return { kind: 'notice', text: 'Only a revealed round can be added to your review cards.' };
  return { kind: 'notice', text: await addToReview(deps, event, round.questionId) };
}
