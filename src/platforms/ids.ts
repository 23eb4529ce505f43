import { platformOf } from '../core/port.ts';

/** A platform's own ids recovered from one of mlq's opaque ids: `prefix:community:channel[:message]`. */
export interface PlatformRef {
  community: string;
  channel: string;
  message?: string;
}

/** Builds and reads mlq's opaque ids for one platform; only the adapter knows what each part means. */
export function idCodec(prefix: string) {
  return {
    community: (community: string) => `${prefix}:${community}`,
    channel: (community: string, channel: string) => `${prefix}:${community}:${channel}`,
    message: (community: string, channel: string, message: string) => `${prefix}:${community}:${channel}:${message}`,
    member: (community: string, user: string) => `${prefix}:${community}:${user}`,
    /** The parts of a channel or message id of this platform; null for any other id. */
    decode(id: string): PlatformRef | null {
      if (platformOf(id) !== prefix) return null;
      const [, community, channel, message] = id.split(':');
      if (!community || !channel) return null;
      return message ? { community, channel, message } : { community, channel };
    },
    /** The platform's user id inside a member id. */
    userOf: (memberId: string): string => memberId.split(':')[2] ?? memberId,
  };
}
