import type { ChartImage } from '../../core/charts.ts';

/** Discord's limit on an attachment's description (its alt text). */
const DESCRIPTION_MAX = 1024;

/** Images as discord.js attachments on a reply, each described by its alt text. */
export function imageFiles(images: ChartImage[] = []): { attachment: Buffer; name: string; description: string }[] {
  return images.map((i) => ({ attachment: Buffer.from(i.png), name: i.name, description: i.alt.slice(0, DESCRIPTION_MAX) }));
}

/** Images as a REST message body and its files (`files[n]`), for a message posted through the REST client. */
export function imageMessage(images: ChartImage[]) {
  return {
    body: { attachments: images.map((i, n) => ({ id: n, filename: i.name, description: i.alt.slice(0, DESCRIPTION_MAX) })) },
    files: images.map((i, n) => ({ name: i.name, data: Buffer.from(i.png), key: `files[${n}]`, contentType: 'image/png' })),
  };
}
