/** `newsgraph parse "<text>"`: the dependency analysis of each sentence, as CoNLL-U or JSON. */
import type { Command } from "commander";
import { NewsgraphError } from "../../errors.js";
import { analyzeText, sentenceConllu } from "../../nlp/parser/analyze.js";
import { loadParser } from "../../nlp/parser/parser.js";
import { loadPosTagger } from "../../nlp/tagger/index.js";
import { printJson } from "../output.js";

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("show the tokens, Penn and universal tags and dependency tree of each sentence (CoNLL-U)")
    .argument("<text>", 'text to analyze (quote it), or "-" to read standard input')
    .option("--json", "print [{text, start, end, tokens: [{id, form, start, end, upos, xpos, head, deprel}]}]")
    .action(async (text: string, opts: { json?: boolean }) => {
      const input = text === "-" ? await readStdin() : text;
      if (input.trim() === "") throw new NewsgraphError("BAD_ARGUMENT", "parse: the text is empty");
      const sentences = analyzeText(input, loadPosTagger(), loadParser());
      if (opts.json) printJson(sentences);
      else process.stdout.write(sentences.map(sentenceConllu).join(""));
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
