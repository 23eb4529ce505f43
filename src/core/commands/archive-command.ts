import { z } from 'zod';
import { archiveCard, cursorOfPage, MAX_ARCHIVE_PAGE, MAX_ARCHIVE_SEARCH } from '../archive.ts';
import { ARCHIVE_LIMITS } from '../repository.ts';
import { CATEGORIES, CATEGORY_NAMES, type Category } from '../types.ts';
import { joinCategoryPhrases } from '../vocab.ts';
import { privately, say } from './reply.ts';
import { defineCommand } from './spec.ts';

interface ArchiveArgs {
  words: string[];
  category?: Category;
  page: number;
}

const isCategory = (word: string | undefined): word is Category => (CATEGORIES as readonly string[]).includes(word?.toLowerCase() ?? '');

/** `[words] [category] [page N]`: a category name is taken only as the last word, so "features" inside a search stays a word. */
export const archiveArgs = z
  .array(z.string())
  .transform(joinCategoryPhrases)
  .transform((tokens, ctx): ArchiveArgs => {
    const words = [...tokens];
    let page = 1;
    if (words.length >= 2 && words.at(-2)!.toLowerCase() === 'page') {
      const n = words.at(-1)!;
      if (!/^\d{1,4}$/.test(n) || Number(n) < 1 || Number(n) > MAX_ARCHIVE_PAGE) {
        ctx.addIssue({ code: 'custom', message: `give a page from 1 to ${MAX_ARCHIVE_PAGE}` });
        return z.NEVER;
      }
      page = Number(n);
      words.splice(-2, 2);
    }
    const category = isCategory(words.at(-1)) ? (words.pop()!.toLowerCase() as Category) : undefined;
    if (words.join(' ').length > MAX_ARCHIVE_SEARCH || words.length > ARCHIVE_LIMITS.words) {
      ctx.addIssue({ code: 'custom', message: `keep the search to ${MAX_ARCHIVE_SEARCH} characters` });
      return z.NEVER;
    }
    if (words.some((w) => w.includes('~'))) {
      ctx.addIssue({ code: 'custom', message: 'search with words, without ~' });
      return z.NEVER;
    }
    return { words, category, page };
  });

export const archive = defineCommand({
  name: 'archive',
  aliases: ['search', 'past'],
  summary: "Search the channel's past rounds (question, tags, strong answer), privately",
  usage: '[words] [category] [page N]',
  details:
    'For example `/mlq archive overfitting`, `/mlq archive drift mlops` or `/mlq archive ml page 2`. Best matches first, newest first ' +
    'among equal ones; without words, the newest rounds. A round still open is matched on its question only.',
  organiserOnly: false,
  needsChannel: true,
  args: archiveArgs,
  options: [
    { name: 'words', description: 'What to look for, such as overfitting or class imbalance', kind: 'text', maxLength: MAX_ARCHIVE_SEARCH },
    { name: 'category', description: 'Category', kind: 'text', choices: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] })) },
  ],
  async run(ctx, args) {
    const channelId = ctx.channel!.id;
    const search = { words: args.words, category: args.category };
    const { cursor, page } = await cursorOfPage(ctx.deps, channelId, search, args.page);
    if (page < args.page)
      return say(page === 1 ? 'There is only one page for that search.' : `There are only ${page} pages for that search.`);
    return privately(await archiveCard(ctx.deps, channelId, { ...search, page, cursor }));
  },
});
