import { platformOf } from '../../src/core/port.ts';
import type { StoreConnection } from '../../src/store/connect.ts';
import { createRepository } from '../../src/store/repository.ts';
import { everyDayChannel } from './channels.ts';
import { APP, discordUser, type FakeDiscord, GUILD } from './fake-discord.ts';
import { type FakeSlack, sendSigned } from './fake-slack.ts';
import { slashBody } from './slack-harness.ts';

/** A guild whose id is GUILD's plus 1 << 22: on shard 0 of 2, where GUILD is on shard 1. */
export const OTHER_GUILD = String(BigInt(GUILD) + (1n << 22n));

/** A community and its channels (mlq ids). */
export interface Group {
  community: string;
  name: string;
  channels: string[];
}

/**
 * The groups' channels, every day of the week at a time two minutes ago, revealed six hours later; saved first with
 * no post due, then all made due in one statement, so that one scheduler pass finds them all or none.
 */
export async function addDueChannels(store: StoreConnection, groups: Group[]): Promise<void> {
  const repo = createRepository(store.db);
  const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
  for (const group of groups) {
    await repo.upsertCommunity(group.community, platformOf(group.community), group.name);
    for (const id of group.channels) {
      await repo.saveChannel(everyDayChannel(id, group.community, `c${id.slice(-3)}`, due, null));
    }
  }
  const ids = groups.flatMap((g) => g.channels);
  await store.db.updateTable('channels').set({ next_post_at: due }).where('id', 'in', ids).execute();
}

/**
 * The whole OAuth install of `team` through the service at `base`: the install page (state and cookie), Slack's
 * consent (a code from the fake), the callback with the state and the browser's cookie; its status.
 */
export async function installThrough(base: string, slack: FakeSlack, team: string): Promise<number> {
  const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  await install.text();
  const state = new URL(install.headers.get('location')!).searchParams.get('state')!;
  const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
  const query = new URLSearchParams({ code: slack.grantCode(team), state });
  const done = await fetch(`${base}/slack/oauth_redirect?${query}`, { headers: { cookie }, redirect: 'manual' });
  await done.text();
  return done.status;
}

/** A signed `/mlq <text>` from `user` in `channel` of `team`, to the service at `base`, answered at response URL `n`. */
export async function slackCommand(
  base: string,
  signingSecret: string,
  slack: FakeSlack,
  command: { team: string; channel: string; user: string; text: string; n: string },
): Promise<{ status: number; text: string }> {
  const body = new URLSearchParams(slashBody(command.user, command.text, slack.responseUrl(command.n), `trigger-${command.n}`));
  body.set('team_id', command.team);
  body.set('channel_id', command.channel);
  return sendSigned(`${base}/slack/events`, signingSecret, body.toString(), 'application/x-www-form-urlencoded');
}

/** `/mlq <sub>` run by `userId` in `channel` of `guild` (any guild, on the shard its id routes to); the interaction's id. */
export function guildCommand(discord: FakeDiscord, guild: string, channel: string, userId: string, sub: string): string {
  const id = discord.next();
  discord.dispatch('INTERACTION_CREATE', {
    id,
    application_id: APP,
    token: `token-${id}`,
    version: 1,
    type: 2,
    guild_id: guild,
    channel_id: channel,
    channel: { id: channel, type: 0, guild_id: guild, name: 'study' },
    member: {
      user: discordUser(userId, `user${userId.slice(-2)}`),
      roles: [],
      permissions: '2048',
      joined_at: new Date().toISOString(),
      nick: null,
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild },
    context: 0,
    attachment_size_limit: 10_000_000,
    data: { id: '900000000000000010', name: 'mlq', type: 1, options: [{ type: 1, name: sub, options: [] }] },
  });
  return id;
}
