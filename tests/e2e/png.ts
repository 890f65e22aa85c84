/**
 * A minimal PNG decoder for screenshot checks (8-bit greyscale, RGB or RGBA, not interlaced: what
 * Chromium writes), and a measure of how much of an image is not background.
 */
import { inflateSync } from "node:zlib";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const chunk = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const depth = chunk[8]!;
      const colorType = chunk[9]!;
      channels = CHANNELS[colorType] ?? 0;
      if (depth !== 8 || channels === 0 || chunk[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType})`);
    } else if (type === "IDAT") {
      idat.push(chunk);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const src = i * channels;
    const [r, g, b, alpha] =
      channels === 1 ? [rows[src]!, rows[src]!, rows[src]!, 255] : [rows[src]!, rows[src + 1]!, rows[src + 2]!, channels === 4 ? rows[src + 3]! : 255];
    data.set([r, g, b, alpha], i * 4);
  }
  return { width, height, data };
}

export interface InkStats {
  /** Share of pixels that differ clearly from the background (the top-left pixel). */
  inkRatio: number;
  /** Distinct colours among those pixels, quantised to 4 bits per channel. */
  colors: number;
}

export function inkStats(image: Pixels): InkStats {
  const { data } = image;
  const bg = [data[0]!, data[1]!, data[2]!];
  let ink = 0;
  const colors = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const diff = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!);
    if (diff > 40) {
      ink += 1;
      colors.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    }
  }
  return { inkRatio: ink / (image.width * image.height), colors: colors.size };
}

/** Share of pixels that differ clearly between two images of the same size. */
export function diffRatio(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const diff = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    if (diff > 40) differing += 1;
  }
  return differing / (a.width * a.height);
}
