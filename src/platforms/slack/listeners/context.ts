import type { Mlq } from '../../../core/app.ts';
import type { Member } from '../../../core/types.ts';
import { ids } from '../parse.ts';
import type { SlackPort } from '../port.ts';

/** What every Slack listener needs: the core (attached after set-up), the port for names, and the bot's own user id. */
export interface SlackListenerContext {
  core(): Mlq;
  port: SlackPort;
  botUserId(): string | undefined;
}

/** A Slack user as the core's member, named from users.info. */
export async function actor(ctx: SlackListenerContext, team: string, user: string): Promise<Member> {
  return { id: ids.member(team, user), name: (await ctx.port.user(team, user)).name };
}
