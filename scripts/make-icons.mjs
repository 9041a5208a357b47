// Draws the CORS Lens icon (a lens over a crossed arrow) as PNGs with no image dependency.
// Run once when the icon changes: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = Buffer.alloc(size * size * 4);
  const s = size / 128;
  const cx = 54 * s, cy = 54 * s, r = 38 * s, ring = 11 * s;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4;
    const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
    // handle: a thick line from the ring to the bottom-right corner
    const t = ((x + 0.5 - cx) + (y + 0.5 - cy)) / 2;
    const off = Math.abs((x + 0.5 - cx) - (y + 0.5 - cy)) / Math.SQRT2;
    let rgba = [0, 0, 0, 0];
    if (d < r - ring / 2) rgba = [232, 240, 254, 255];
    if (Math.abs(d - r) <= ring / 2) rgba = [26, 115, 232, 255];
    if (t > r * 0.72 && t < 120 * s - cx && off < 9 * s) rgba = [26, 115, 232, 255];
    // a red cross inside the lens: the blocked request
    const ax = x + 0.5 - cx, ay = y + 0.5 - cy;
    if (d < r - ring && (Math.abs(ax - ay) < 6 * s || Math.abs(ax + ay) < 6 * s) && Math.abs(ax) < 17 * s && Math.abs(ay) < 17 * s) rgba = [217, 48, 37, 255];
    px.set(rgba, i);
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(new URL('../public/icons/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), icon(size));
