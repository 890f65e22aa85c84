/**
 * Reader of CoNLL-2003 style files: one token per line with space-separated columns (`word POS chunk NER`),
 * blank lines between sentences, `-DOCSTART-` lines between documents. Used by training and by the
 * CoNLL scorer; the last column is taken as the gold tag, whatever the number of columns.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../../errors.js";

export interface ConllSentence {
  words: string[];
  /** The second column when the file has at least three columns (Penn part-of-speech tags), else empty. */
  pos: string[];
  /** The last column. */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** Parse CoNLL text into documents; a file without `-DOCSTART-` lines is one document. */
export function parseConll(text: string, source = "<text>"): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sent: ConllSentence = { words: [], pos: [], tags: [] };
  const endSentence = () => {
    if (sent.words.length > 0) doc.sentences.push(sent);
    sent = { words: [], pos: [], tags: [] };
  };
  const endDocument = () => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === "") {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === "-DOCSTART-") {
      endDocument();
      continue;
    }
    if (cols.length < 2) {
      throw new NewsgraphError("INPUT_CONLL", `${source}:${n + 1}: expected at least two columns (word ... tag)`, {
        file: source,
        line: n + 1,
      });
    }
    sent.words.push(cols[0]!);
    sent.pos.push(cols.length >= 3 ? cols[1]! : "");
    sent.tags.push(cols[cols.length - 1]!);
  }
  endDocument();
  return docs;
}

/** Read and parse a CoNLL file. */
export function readConll(path: string): ConllDocument[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new NewsgraphError("INPUT_MISSING", `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      file: path,
    });
  }
  if (text.trim() === "") throw new NewsgraphError("INPUT_EMPTY", `${path}: empty CoNLL file`, { file: path });
  return parseConll(text, path);
}
