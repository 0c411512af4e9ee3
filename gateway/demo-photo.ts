import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = readonly [number, number, number];

/**
 * A small valid PNG drawn in code (no fixture file): a sky over a green lawn with a red flag, enough to show as a
 * 简讯 photo in the demo and to be printed by the PDF export in the tests.
 */
export function demoPhotoPng(width = 160, height = 120, sky: Rgb = [148, 196, 236], grain = 0): Buffer {
  // `grain` scatters pixels by up to that much (a seeded sequence, the same every time): a photo's noise, which PNG
  // cannot compress, for a test that needs a large file.
  let seed = 20261123;
  const jitter = () => {
    // xorshift32: every bit varies, so the noise does not repeat in a pattern deflate could find.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) % (2 * grain + 1)) - grain;
  };
  const clamp = (value: number) => Math.max(0, Math.min(255, value));
  const lawn: Rgb = [96, 170, 90];
  const flag: Rgb = [204, 32, 32];
  const pole: Rgb = [90, 70, 50];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0: none
    for (let x = 0; x < width; x++) {
      const poleX = Math.round(width * 0.3);
      let colour = y > height * 0.65 ? lawn : sky;
      if (x >= poleX && x < poleX + 2 && y > height * 0.15 && y <= height * 0.65) colour = pole;
      if (x >= poleX + 2 && x < poleX + 2 + width * 0.22 && y > height * 0.15 && y < height * 0.32) colour = flag;
      row.set(grain ? colour.map((channel) => clamp(channel + jitter())) : colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
