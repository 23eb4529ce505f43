import type { WebLinks } from '../core/deps.ts';
import { signToken } from './sign.ts';

/** The web page's settings: the signing secret, the address people open, and how long a link works. */
export interface WebSettings {
  secret: string;
  /** The public base URL, without a trailing slash. */
  baseUrl: string;
  linkDays: number;
}

/** The path of a channel's group page. */
export const groupPath = (channelId: string) => `/web/${encodeURIComponent(channelId)}`;

/** The path of a member's page in a channel. */
export const memberPath = (channelId: string, memberId: string) => `${groupPath(channelId)}/m/${encodeURIComponent(memberId)}`;

/** The links the core hands out: a signed group-page URL that expires `linkDays` after `now`. */
export function webLinks(settings: WebSettings): WebLinks {
  const base = settings.baseUrl.replace(/\/+$/, '');
  return {
    link(channelId, memberId, generation, now) {
      const expiresAt = new Date(now.getTime() + settings.linkDays * 86_400_000);
      const token = signToken(settings.secret, { channelId, memberId, generation, expiresAt });
      return { url: `${base}${groupPath(channelId)}?t=${token}`, expiresAt };
    },
    pageUrl: (channelId) => `${base}${groupPath(channelId)}`,
  };
}
