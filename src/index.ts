/**
 * The newsgraph library: everything the CLI and the viewer use, for use from other TypeScript code.
 * Stages: corpus (read articles) → extract (entities and relations of one document) → graph (assemble,
 * lay out, write, export) → query (load a graph folder, resolve names, neighbors, paths, cards).
 */
export * from "./types.js";
export { NewsgraphError, ERROR_CODES, type ErrorCode } from "./errors.js";
export { readDocuments, listInputs, type ReadOptions } from "./corpus/read.js";
export { splitSentences } from "./nlp/sentences.js";
export { tokenize } from "./nlp/tokenize.js";
export { loadNerTagger, loadPosTagger, type Tagger } from "./nlp/tagger/index.js";
export { loadParser, DependencyParser, type DependencyTree, type SentenceParser } from "./nlp/parser/parser.js";
export { analyzeText, sentenceConllu, type AnalyzedSentence } from "./nlp/parser/analyze.js";
export { loadExtractor, type Extractor } from "./extract/extractor.js";
export { extractDocument } from "./extract/index.js";
export { build, BUILD_DEFAULTS, type BuildOptions, type BuildSummary } from "./pipeline/build.js";
export { resolveCorpus, readUserAliases, type UserAliases, type MergeRecord } from "./graph/resolve-corpus.js";
export { assembleGraph, type AssembleOptions } from "./graph/assemble.js";
export { layoutGraph } from "./graph/layout.js";
export { TYPE_COLORS } from "./graph/palette.js";
export { serializeGraph } from "./graph/write.js";
export { evalGold, type GoldReport } from "./eval/gold.js";
export { evalRelations, type RelationEvalReport } from "./eval/relations.js";
export * from "./query/index.js";
export { EXPORT_FORMATS, exportGraph, writeExport, type ExportFormat, type ExportResult, type ExportFile, type ExportOptions } from "./graph/export/index.js";
