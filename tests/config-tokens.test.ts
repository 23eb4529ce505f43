import { describe, expect, it } from 'vitest';
import { discordConfig } from '../src/platforms/discord/config.ts';
import { slackConfig } from '../src/platforms/slack/config.ts';

const BOT = 'xoxb-1234-5678-abcdef';
const APP = 'xapp-1-A0123-4567-abcdef';
const BOT_WHERE =
  'copy the Bot User OAuth Token from the app’s OAuth & Permissions page; for example ' + 'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef.';
const APP_WHERE =
  'generate one with the connections:write scope under Basic Information → App-Level Tokens; for example ' +
  'SLACK_APP_TOKEN=xapp-1-A0123-4567-abcdef.';
const SECRET_WHERE =
  'copy the Signing Secret under Basic Information → App Credentials; for example ' +
  'SLACK_SIGNING_SECRET=8f742231b10e8888abcd99aa0eff85a5.';
const DISCORD = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz012345';
const DISCORD_WHERE =
  `copy it from the Bot page of your application in the Developer Portal (Reset Token shows it once); for example ` +
  `DISCORD_TOKEN=${DISCORD}.`;

const slack = (env: Record<string, string>) => {
  const result = slackConfig(env);
  return result.ok ? 'accepted' : result.message;
};
const discord = (token: string) => {
  const result = discordConfig({ DISCORD_TOKEN: token });
  return result.ok ? 'accepted' : result.message;
};

describe('a Slack token that is refused is refused for what is actually wrong with it', () => {
  it('a bot token with the right prefix but too short says it is too short, at, below and above the limit', () => {
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: APP })).toBe(
      `SLACK_BOT_TOKEN is too short: it starts with xoxb- as it should, but only 1 character follows where a real token has about 50 ` +
        `(got 6 characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1234567', SLACK_APP_TOKEN: APP })).toBe(
      `SLACK_BOT_TOKEN is too short: it starts with xoxb- as it should, but only 7 characters follow where a real token has about 50 ` +
        `(got "xoxb-…", 12 characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-12345678', SLACK_APP_TOKEN: APP })).toBe('accepted');
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-123456789', SLACK_APP_TOKEN: APP })).toBe('accepted');
  });

  it('names the kind of token that was pasted into the wrong variable', () => {
    expect(slack({ SLACK_BOT_TOKEN: APP })).toBe(
      `SLACK_BOT_TOKEN is an app-level token (xapp-…), not a bot token (xoxb-…) (got "xapp-…", 24 characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: 'xoxp-1234-5678-abcdef' })).toBe(
      `SLACK_BOT_TOKEN is a user token (xoxp-…), not a bot token (xoxb-…) (got "xoxp-…", 21 characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT })).toBe(
      `SLACK_APP_TOKEN is a bot token (xoxb-…), not an app-level token (xapp-…) (got "xoxb-…", 21 characters); ${APP_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: '8f742231b10e8888abcd99aa0eff85a5' })).toBe(
      `SLACK_BOT_TOKEN looks like a signing secret or client secret, not a bot token (xoxb-…) (got "8f742…", 32 characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: BOT })).toBe(
      `SLACK_SIGNING_SECRET is a bot token (xoxb-…), not the signing secret (got "xoxb-…", 21 characters); ${SECRET_WHERE}`,
    );
  });

  it('tells a wrong prefix, upper case, stray characters and pasting leftovers apart', () => {
    expect(slack({ SLACK_BOT_TOKEN: 'my-bot-token' })).toBe(
      `SLACK_BOT_TOKEN must be a bot token, which starts with xoxb- (got "my-bo…", 12 characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: 'XOXB-1234-5678-abcdef' })).toBe(
      'SLACK_BOT_TOKEN must start with xoxb- in lower case (got "XOXB-…", 21 characters); for example ' +
        'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef.',
    );
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1234_5678/abcdef' })).toBe(
      `SLACK_BOT_TOKEN has characters a Slack token never contains (after xoxb- come only letters, digits and -) (got "xoxb-…", 21 ` +
        `characters); ${BOT_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1234 5678-abcdef' })).toBe(
      'SLACK_BOT_TOKEN contains a space or a line break (got "xoxb-…", 21 characters); give the token alone, on one line; for example ' +
        'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef.',
    );
    expect(slack({ SLACK_BOT_TOKEN: `"${BOT}"` })).toBe(
      'SLACK_BOT_TOKEN is wrapped in quotes (got ""xoxb…", 23 characters); give the token without them; for example ' +
        'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef.',
    );
    expect(slack({ SLACK_BOT_TOKEN: `Bearer ${BOT}` })).toBe(
      'SLACK_BOT_TOKEN starts with "Bearer " (got "Beare…", 28 characters); give the token alone; for example ' +
        'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef.',
    );
  });

  it('an app-level token and a signing secret get the same care, at, below and above their limits', () => {
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1' })).toBe(
      `SLACK_APP_TOKEN is too short: it starts with xapp- as it should, but only 1 character follows where a real token has about 50 ` +
        `(got 6 characters); ${APP_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'zz742231b10e8888abcd99aa0eff85a5' })).toBe(
      `SLACK_SIGNING_SECRET must be hexadecimal (0-9 and a-f only), as the signing secret is (got "zz742…", 32 characters); ` +
        `${SECRET_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: '8f742231b10e888' })).toBe(
      `SLACK_SIGNING_SECRET is too short for a signing secret, which has 32 characters (got "8f742…", 15 characters); ${SECRET_WHERE}`,
    );
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: '8f742231b10e8888' })).toBe('accepted');
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: '8f742231b10e8888a' })).toBe('accepted');
  });
});

describe('a Discord token that is refused is refused for what is actually wrong with it', () => {
  it('names what else was pasted: the "Bot " prefix, an id, the public key, the client secret', () => {
    expect(discord(`Bot ${DISCORD}`)).toBe(
      `DISCORD_TOKEN starts with "Bot " (got "Bot M…", 68 characters); give the token alone, mlq adds the prefix itself; for example ` +
        `DISCORD_TOKEN=${DISCORD}.`,
    );
    expect(discord('123456789012345678')).toBe(
      `DISCORD_TOKEN is a numeric id (an application, client or server id), not the bot token (got "12345…", 18 characters); ` +
        `${DISCORD_WHERE}`,
    );
    expect(discord('a'.repeat(64))).toBe(
      `DISCORD_TOKEN looks like the application’s Public Key, not the bot token (got "aaaaa…", 64 characters); ${DISCORD_WHERE}`,
    );
    expect(discord('AbCdEfGhIjKlMnOpQrStUvWxYz012345')).toBe(
      `DISCORD_TOKEN looks like the OAuth2 Client Secret, not the bot token (got "AbCdE…", 32 characters); ${DISCORD_WHERE}`,
    );
  });

  it('tells missing parts, a cut-off part and stray characters apart, at, below and above the part lengths', () => {
    expect(discord('MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE')).toBe(
      `DISCORD_TOKEN must have three parts separated by dots, and this value has 2 (got "MTIzN…", 31 characters); ${DISCORD_WHERE}`,
    );
    expect(discord('MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmno')).toBe(
      `DISCORD_TOKEN is too short: it has the three dot-separated parts, but one of them is cut off (got "MTIzN…", 47 characters); ` +
        `${DISCORD_WHERE}`,
    );
    expect(discord('MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnop')).toBe('accepted');
    expect(discord('MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopq')).toBe('accepted');
    expect(discord('MTIzNDU2Nzg5MDEyMz$1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz012345')).toBe(
      `DISCORD_TOKEN has characters a bot token never contains (only letters, digits, _ and - between the dots) (got "MTIzN…", 64 ` +
        `characters); ${DISCORD_WHERE}`,
    );
  });
});
