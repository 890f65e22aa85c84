/**
 * The relation rules of a sentence, registered with their ids in the order they run. Each is a pure
 * function of the sentence's view returning its claims and roles (claims.ts). Title rules run first over
 * the whole document: they tell who leads which country, which the role nominals ("the Norwegian leader")
 * read before the other rules see them as mentions.
 */
import { clauseRelations } from "./clauses.js";
import type { SentenceRule } from "./claims.js";
import { cooccurrences } from "./cooccur.js";
import { basedInRelations, hyphenPairRelations, namePrefixRelations, parentheticalMembership } from "./links.js";
import { appositionTitles } from "./syntax.js";
import { titleRelations } from "./titles.js";

export interface RegisteredRule {
  id: string;
  run: SentenceRule;
}

/** First stage: titles before names and appositive titles. */
export const TITLE_RULES: readonly RegisteredRule[] = [
  { id: "titles", run: titleRelations },
  { id: "appositions", run: appositionTitles },
];

/** Second stage, once role nominals have joined their persons. */
export const SENTENCE_RULES: readonly RegisteredRule[] = [
  { id: "clauses", run: clauseRelations },
  { id: "hyphen-pairs", run: hyphenPairRelations },
  { id: "based-in", run: basedInRelations },
  { id: "name-prefix", run: namePrefixRelations },
  { id: "parenthetical", run: parentheticalMembership },
  { id: "cooccurrence", run: cooccurrences },
];
