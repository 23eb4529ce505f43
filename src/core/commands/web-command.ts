import { isOrganiser } from '../organisers.ts';
import { literal, words } from './args.ts';
import { formatDateTime } from './config-command.ts';
import { say } from './reply.ts';
import { defineCommand } from './spec.ts';

/** The answer when the service runs without MLQ_WEB_SECRET. */
export const WEB_NOT_ENABLED = 'The group’s web page is not enabled here: an operator turns it on by setting MLQ_WEB_SECRET.';

const ORGANISERS_ONLY =
  "Making the page public or rotating its links is for the channel's organisers (workspace admins, whoever ran `/mlq start`, and MLQ_ADMINS).";

export const web = defineCommand({
  name: 'web',
  aliases: ['page'],
  summary: 'A private link to the group’s web page: boards, heatmap, archive and your own page',
  usage: '[public on|off|rotate]',
  details:
    'The link is signed for you and expires after a few days. Organisers can make the page public (`/mlq web public on`) ' +
    'or rotate its links (`/mlq web rotate`), which stops every link given before. Hidden members stay hidden on the page.',
  organiserOnly: false,
  needsChannel: true,
  args: words({ action: literal('public', 'rotate'), state: literal('on', 'off') })
    .refine((a) => a.state === undefined || a.action === 'public', 'on or off goes with `public`, e.g. `/mlq web public on`')
    .refine((a) => a.action !== 'public' || a.state !== undefined, 'say `/mlq web public on` or `/mlq web public off`'),
  options: [
    {
      name: 'action',
      description: 'Organisers: make the page public or private, or rotate its links',
      kind: 'text',
      choices: [{ value: 'public on' }, { value: 'public off' }, { value: 'rotate' }],
    },
  ],
  async run(ctx, args) {
    const channel = ctx.channel!;
    const web = ctx.deps.web;
    if (!web) return say(WEB_NOT_ENABLED);
    const repo = ctx.deps.repo;
    if (args.action) {
      if (!(await isOrganiser(ctx.deps, channel.id, channel, ctx.event.actor.id))) return say(ORGANISERS_ONLY);
      if (args.action === 'rotate') {
        await repo.rotateWebLinks(channel.id, ctx.now);
        return say('Rotated: every link to this channel’s page given before now stops working. `/mlq web` gives a new one.');
      }
      const on = args.state === 'on';
      await repo.setWebPublic(channel.id, on, ctx.now);
      return say(
        on
          ? `The page is public: anyone with its address can read it, without a link that expires: ${web.pageUrl(channel.id)}`
          : 'The page is private again: only signed links from `/mlq web` open it.',
      );
    }
    const page = await repo.webPage(channel.id);
    const { url, expiresAt } = web.link(channel.id, ctx.event.actor.id, page.generation, ctx.now);
    return say(
      `Your link to this channel’s page (keep it to yourself; it works until ${formatDateTime(expiresAt, channel.timezone)}):\n${url}`,
    );
  },
});
