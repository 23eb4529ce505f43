import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * zlib's level 3 (its fast match finder) on unfiltered rows: a chart is mostly flat colour and transparent ground, so
 * this is about a fifth of the CPU of resvg's own PNG encoder (which filters every row) and the file comes out smaller.
 */
const LEVEL = 3;

/** The filtered image (a filter byte before each row), reused between charts: it is over 2 MB at 1.5×. */
let rows = Buffer.alloc(0);

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Undoes premultiplied alpha in place (resvg draws premultiplied; PNG stores straight colour) as resvg's encoder does. */
function demultiply(rgba: Buffer, from: number, to: number): void {
  for (let i = from + 3; i < to; i += 4) {
    const alpha = rgba[i]!;
    if (alpha === 0 || alpha === 255) continue;
    for (let c = i - 3; c < i; c++) rgba[c] = Math.min(255, Math.round((rgba[c]! * 255) / alpha));
  }
}

/** A PNG (8-bit RGBA, non-interlaced) of premultiplied RGBA pixels row after row, as resvg's `pixels` gives them. */
export function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  const size = (stride + 1) * height;
  if (rows.length < size) rows = Buffer.allocUnsafe(size);
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    rows[at] = 0;
    pixels.copy(rows, at + 1, y * stride, (y + 1) * stride);
    demultiply(rows, at + 1, at + 1 + stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const data = deflateSync(rows.subarray(0, size), { level: LEVEL, strategy: constants.Z_DEFAULT_STRATEGY });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}
