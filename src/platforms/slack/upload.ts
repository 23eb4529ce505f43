import type { webApi } from '@slack/bolt';
import type { ChartImage } from '../../core/charts.ts';

/**
 * Uploads images into a channel or thread as one message, in Slack's three steps (what files.uploadV2 does):
 * files.getUploadURLExternal per file, the bytes sent to its upload URL, then files.completeUploadExternal to share
 * them. The alt text goes as `alt_txt`, the argument name Slack documents (the SDK's uploadV2 sends `alt_text`).
 * Needs the `files:write` scope.
 */
export async function uploadImages(client: webApi.WebClient, channel: string, images: ChartImage[], threadTs?: string): Promise<void> {
  const files: { id: string; title: string }[] = [];
  for (const image of images) {
    const target = (await client.apiCall('files.getUploadURLExternal', {
      filename: image.name,
      length: image.png.length,
      alt_txt: image.alt.slice(0, 1000),
    })) as { upload_url?: string; file_id?: string };
    if (!target.upload_url || !target.file_id) throw new Error(`files.getUploadURLExternal gave no upload URL for ${image.name}`);
    const sent = await fetch(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: image.png,
    });
    if (!sent.ok) throw new Error(`the upload of ${image.name} failed with HTTP ${sent.status}`);
    files.push({ id: target.file_id, title: image.alt });
  }
  await client.files.completeUploadExternal({
    files: files as [{ id: string; title: string }],
    channel_id: channel,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}

/** Where a command's charts go: the member's direct message for a private reply (ephemeral messages carry no files). */
export async function uploadForCommand(
  client: webApi.WebClient,
  user: string,
  channel: string,
  visibility: 'private' | 'public',
  images: ChartImage[],
): Promise<'direct' | 'channel'> {
  if (visibility === 'public') {
    await uploadImages(client, channel, images);
    return 'channel';
  }
  const opened = await client.conversations.open({ users: user });
  const dm = opened.channel?.id;
  if (!dm) throw new Error('conversations.open gave no direct message');
  await uploadImages(client, dm, images);
  return 'direct';
}
