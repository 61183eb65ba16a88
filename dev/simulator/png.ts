/**
 * A small PNG encoder (RGBA, no filter, zlib from node) and the seal images `GET /seal/image` serves:
 * a red ring (electronic seal) or a red square (physical seal) with a mark that differs per seal, so
 * two seals never share an image.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes `rgba` (width × height × 4 bytes) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A seal picture: ring or square, and a star whose rotation comes from the seal ID. */
export function sealPng(sealId: string, kind: 'ELECTRONIC' | 'PHYSICAL', size = 120): Buffer {
  const px = new Uint8Array(size * size * 4);
  let h = 0;
  for (const ch of sealId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const turn = ((h % 360) * Math.PI) / 180;
  const c = size / 2;
  const red = kind === 'ELECTRONIC' ? [208, 2, 27] : [176, 0, 32];
  const star = (x: number, y: number) => {
    const dx = x - c;
    const dy = y - c;
    const r = Math.hypot(dx, dy);
    const a = Math.atan2(dy, dx) - turn;
    // A five-pointed star as a radius that swings with the angle.
    const edge = size * (0.12 + 0.1 * Math.abs(Math.cos((5 * a) / 2)));
    return r < edge;
  };
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      const border =
        kind === 'ELECTRONIC'
          ? r > size * 0.42 && r < size * 0.48
          : Math.max(Math.abs(x - c), Math.abs(y - c)) > size * 0.4 &&
            Math.max(Math.abs(x - c), Math.abs(y - c)) < size * 0.47;
      if (border || star(x, y)) {
        const i = (y * size + x) * 4;
        px[i] = red[0] as number;
        px[i + 1] = red[1] as number;
        px[i + 2] = red[2] as number;
        px[i + 3] = 255;
      }
    }
  return encodePng(size, size, px);
}
