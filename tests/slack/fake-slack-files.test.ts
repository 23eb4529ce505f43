import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadImages } from '../../src/platforms/slack/upload.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';

/** The fake's file uploads: Slack's three steps, as our upload and the SDK's files.uploadV2 make them. */
let slack: FakeSlack;
let client: webApi.WebClient;
beforeEach(async () => {
  slack = await new FakeSlack().start();
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(async () => {
  await slack.stop();
});

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('files in the fake Slack', () => {
  it('keeps raw uploads shared in a thread, with the alt text given as alt_txt', async () => {
    await uploadImages(
      client,
      'C1',
      [
        { png, alt: 'A chart of answers.', name: 'a.png' },
        { png: png.subarray(0, 9), alt: 'Another chart.', name: 'b.png' },
      ],
      '1795510800.000001',
    );
    expect(slack.files.map((f) => [f.channel, f.thread_ts, f.filename, f.alt, f.title, [...f.bytes]])).toEqual([
      ['C1', '1795510800.000001', 'a.png', 'A chart of answers.', 'A chart of answers.', [...png]],
      ['C1', '1795510800.000001', 'b.png', 'Another chart.', 'Another chart.', [...png.subarray(0, 9)]],
    ]);
    expect(slack.of('files.getUploadURLExternal').map((c) => c.params.length)).toEqual(['11', '9']);
  });

  it('takes the SDK’s multipart upload too (files.uploadV2)', async () => {
    await client.filesUploadV2({ channel_id: 'D1', file_uploads: [{ file: png, filename: 'c.png', alt_text: 'sdk' }] });
    expect(slack.files.map((f) => [f.channel, f.thread_ts, f.filename, [...f.bytes]])).toEqual([['D1', undefined, 'c.png', [...png]]]);
  });

  it('refuses an empty file, alt text over 1000 characters, and sharing a file never uploaded', async () => {
    const ask = (length: number, alt: string) => client.apiCall('files.getUploadURLExternal', { filename: 'x.png', length, alt_txt: alt });
    await expect(ask(0, 'a')).rejects.toThrow(/missing_argument/);
    await expect(ask(1, 'a'.repeat(1001))).rejects.toThrow(/alt_txt_too_large/);
    const atLimit = (await ask(1, 'a'.repeat(1000))) as unknown as { file_id: string; upload_url: string };
    await expect(client.files.completeUploadExternal({ files: [{ id: atLimit.file_id }], channel_id: 'C1' })).rejects.toThrow(
      /file_not_found/,
    );
    expect((await fetch(`${atLimit.upload_url}x`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect(slack.files).toEqual([]);
  });
});
