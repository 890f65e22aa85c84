/**
 * Reading and writing CoNLL-U (https://universaldependencies.org/format.html), the format of the Universal
 * Dependencies treebanks the parser is trained and scored on, and of `newsgraph parse`. Only the
 * integer-id word rows are kept: multiword-token ranges (`1-2`) and empty nodes (`8.1`) are skipped, as a
 * basic-tree parser does. A malformed row is reported with its file and line.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../../errors.js";

export interface UdWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  /** Head word number (1-based; 0 = root). */
  head: number;
  deprel: string;
  /** No space follows the word in the text (MISC SpaceAfter=No). */
  noSpaceAfter: boolean;
}

export interface UdSentence {
  id: string;
  words: UdWord[];
}

/** Parse CoNLL-U text into sentences. */
export function parseConllu(text: string, source: string): UdSentence[] {
  const sentences: UdSentence[] = [];
  let words: UdWord[] = [];
  let id = "";
  const lines = text.split("\n");
  const flush = () => {
    if (words.length > 0) sentences.push({ id: id || `${source}#${sentences.length + 1}`, words });
    words = [];
    id = "";
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line === "") {
      flush();
      continue;
    }
    if (line.startsWith("#")) {
      const m = /^# sent_id = (.*)$/.exec(line);
      if (m) id = m[1]!.trim();
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) throw new NewsgraphError("INPUT_CONLL", `${source}:${i + 1}: expected 10 tab-separated columns, found ${cols.length}`, { file: source });
    if (!/^\d+$/.test(cols[0]!)) continue;
    const n = Number(cols[0]);
    const head = Number(cols[6]);
    if (n !== words.length + 1 || !Number.isInteger(head) || head < 0) {
      throw new NewsgraphError("INPUT_CONLL", `${source}:${i + 1}: bad word number or head`, { file: source });
    }
    words.push({
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      head,
      deprel: cols[7]!,
      noSpaceAfter: /(^|\|)SpaceAfter=No(\||$)/.test(cols[9]!),
    });
  }
  flush();
  for (const s of sentences) {
    for (const w of s.words) if (w.head > s.words.length) throw new NewsgraphError("INPUT_CONLL", `${source}: sentence ${s.id}: head ${w.head} out of range`, { file: source });
  }
  return sentences;
}

/** Read a CoNLL-U file. */
export function readConllu(path: string): UdSentence[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new NewsgraphError("INPUT_MISSING", `${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})`, { file: path });
  }
  return parseConllu(text, path);
}

/** The sentence text the words spell, with spaces where MISC does not say SpaceAfter=No. */
export function sentenceText(words: readonly UdWord[]): { text: string; starts: number[] } {
  let text = "";
  const starts: number[] = [];
  words.forEach((w, i) => {
    starts.push(text.length);
    text += w.form;
    if (!w.noSpaceAfter && i < words.length - 1) text += " ";
  });
  return { text, starts };
}

/** One sentence as CoNLL-U rows (with optional comment lines), ending with the blank line. */
export function formatConllu(words: readonly UdWord[], comments: readonly string[] = []): string {
  const clean = (s: string) => (s === "" ? "_" : s.replace(/[\t\n]/g, " "));
  const rows = comments.map((c) => `# ${c}`);
  words.forEach((w, i) => {
    rows.push([i + 1, clean(w.form), clean(w.lemma), clean(w.upos), clean(w.xpos), "_", w.head, clean(w.deprel), "_", w.noSpaceAfter ? "SpaceAfter=No" : "_"].join("\t"));
  });
  return `${rows.join("\n")}\n\n`;
}
