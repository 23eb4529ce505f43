import { userInfo } from 'node:os';

export interface ConsoleConfig {
  channelId: string;
  communityId: string;
  memberId: string;
  memberName: string;
  timezone: string;
  /** Where `/mlq export` makes its folder; the folder mlq was started from when absent. */
  exportDir?: string;
  /** Where charts are saved as PNG files: a folder in mlq's data folder; absent, only their alt text is shown. */
  chartsDir?: string;
}

/** The terminal channel's identity: one channel (in MLQ_TIMEZONE, else the computer's zone), one local member who is its organiser. */
export function consoleConfig(env: NodeJS.ProcessEnv): ConsoleConfig {
  let name = env.MLQ_CONSOLE_USER || env.USER || '';
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'you';
    }
  }
  const slug = name.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'you';
  return {
    channelId: 'console:terminal',
    communityId: 'console',
    memberId: `console:${slug}`,
    memberName: name,
    timezone: env.MLQ_TIMEZONE?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}
