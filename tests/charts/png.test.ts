import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/charts/png.ts';

/** The chunks of a PNG after its signature, as [type, data]. */
function chunks(png: Buffer): [string, Buffer][] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: [string, Buffer][] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push([png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  return out;
}

/** The first pixel of each row of an unfiltered 8-bit RGBA PNG. */
function firstPixels(png: Buffer, width: number): number[][] {
  const raw = inflateSync(
    Buffer.concat(
      chunks(png)
        .filter(([type]) => type === 'IDAT')
        .map(([, data]) => data),
    ),
  );
  const stride = 1 + width * 4;
  const pixels: number[][] = [];
  for (let at = 0; at < raw.length; at += stride) {
    expect(raw[at]).toBe(0);
    pixels.push([...raw.subarray(at + 1, at + 5)]);
  }
  return pixels;
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3" height="3">
  <rect y="0" width="3" height="1" fill="rgba(127, 136, 148, 0.25)"/>
  <rect y="1" width="3" height="1" fill="#3b8eea"/>
</svg>`;

describe('encoding a chart to PNG', () => {
  it('writes the header, one data chunk and the end, for 8-bit RGBA', () => {
    const image = new Resvg(svg).render();
    const png = encodePng(image.pixels, image.width, image.height);
    const found = chunks(png);
    expect(found.map(([type]) => type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...found[0]![1]]).toEqual([0, 0, 0, 3, 0, 0, 0, 3, 8, 6, 0, 0, 0]);
  });

  it('stores straight colour: a translucent grey keeps its grey (127, 136, 148 within rounding), not the darker premultiplied one resvg draws', () => {
    const image = new Resvg(svg).render();
    expect([...image.pixels.subarray(0, 4)]).toEqual([31, 34, 37, 63]);
    expect(firstPixels(encodePng(image.pixels, image.width, image.height), 3)).toEqual([
      [125, 138, 150, 63],
      [59, 142, 234, 255],
      [0, 0, 0, 0],
    ]);
  });
});
