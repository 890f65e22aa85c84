/**
 * The binary container of tagger models: an 8-byte magic, a JSON header (metadata and a table of named
 * arrays), then the typed arrays themselves, little-endian, each 8-byte aligned so they are read as views
 * without copying. Writing is deterministic: the same metadata and arrays give the same bytes.
 */
import { NewsgraphError } from "../../errors.js";

const MAGIC = "NGTAGGER";

export type ModelArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Float32Array;

const KINDS = {
  i8: Int8Array,
  u8: Uint8Array,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  f32: Float32Array,
} as const;
type Kind = keyof typeof KINDS;

function kindOf(a: ModelArray): Kind {
  for (const [kind, ctor] of Object.entries(KINDS) as [Kind, (typeof KINDS)[Kind]][]) if (a instanceof ctor) return kind;
  throw new Error("unsupported array type");
}

interface ArrayEntry {
  name: string;
  kind: Kind;
  length: number;
  offset: number;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Serialize metadata and named arrays. */
export function encodeModel(meta: Record<string, unknown>, arrays: Record<string, ModelArray>): Buffer {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("model files are little-endian only");
  const entries: ArrayEntry[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    entries.push({ name, kind: kindOf(a), length: a.length, offset });
    offset = align8(offset + a.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, arrays: entries }), "utf8");
  const dataStart = align8(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(dataStart + offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  Object.values(arrays).forEach((a, i) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, dataStart + entries[i]!.offset);
  });
  return out;
}

export interface DecodedModel {
  meta: Record<string, unknown>;
  arrays: Record<string, ModelArray>;
}

/** Parse a model file's bytes; arrays are views into them (into an aligned copy when they are not aligned). */
export function decodeModel(bytes: Uint8Array, source: string): DecodedModel {
  const invalid = (why: string) => new NewsgraphError("MODEL_INVALID", `${source}: not a newsgraph tagger model (${why})`, { file: source });
  if (bytes.length < MAGIC.length + 4 || Buffer.from(bytes.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC) throw invalid("bad magic");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  let header: { meta: Record<string, unknown>; arrays: ArrayEntry[] };
  try {
    header = JSON.parse(Buffer.from(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)).toString("utf8"));
  } catch {
    throw invalid("bad header");
  }
  const dataStart = align8(MAGIC.length + 4 + headerLength);
  // Views straight into the file's bytes when they are 8-byte aligned (a file read whole usually is);
  // otherwise a fresh, aligned copy.
  let data = bytes.subarray(dataStart);
  if ((bytes.byteOffset + dataStart) % 8 !== 0) {
    data = new Uint8Array(bytes.length - dataStart);
    data.set(bytes.subarray(dataStart));
  }
  const arrays: Record<string, ModelArray> = {};
  for (const e of header.arrays) {
    const ctor = KINDS[e.kind];
    if (!ctor || e.offset + e.length * ctor.BYTES_PER_ELEMENT > data.length) throw invalid(`array ${e.name} out of bounds`);
    arrays[e.name] = new ctor(data.buffer as ArrayBuffer, data.byteOffset + e.offset, e.length);
  }
  return { meta: header.meta, arrays };
}
