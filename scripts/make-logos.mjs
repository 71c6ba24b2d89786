// Draws the Goalpost mark (two posts, a crossbar and a ball) into the PNG logos Zendesk requires:
// assets/logo.png 320×320 and assets/logo-small.png 128×128, transparent. Node built-ins only.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const paint = (x0, y0, x1, y1, [r, g, b]) => {
    for (let y = Math.round(y0 * size); y < Math.round(y1 * size); y += 1)
      for (let x = Math.round(x0 * size); x < Math.round(x1 * size); x += 1) {
        const i = (y * size + x) * 4;
        pixels.set([r, g, b, 255], i);
      }
  };
  const green = [3, 54, 61];
  const accent = [23, 73, 77];
  paint(0.2, 0.18, 0.29, 0.86, green); // left post
  paint(0.71, 0.18, 0.8, 0.86, green); // right post
  paint(0.2, 0.18, 0.8, 0.27, green); // crossbar
  // The ball, on its way in.
  const [cx, cy, radius] = [0.5 * size, 0.62 * size, 0.11 * size];
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1)
      if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2)
        pixels.set([...accent.map((c) => c + 60), 255], (y * size + x) * 4);
  const rows = [];
  for (let y = 0; y < size; y += 1)
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('assets/logo.png', draw(320));
writeFileSync('assets/logo-small.png', draw(128));
console.log('wrote assets/logo.png and assets/logo-small.png');
