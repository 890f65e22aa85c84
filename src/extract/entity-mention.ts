/**
 * Entity mentions made in one shape: every field present, always in the same order, so all mentions
 * share one hidden class. The code reading them (mentions, resolution, coreference, the relation rules)
 * then sees one shape instead of a dozen (literals with and without `nominal` or `compound`, spread
 * copies, `basedIn` added later), and V8 no longer deoptimizes and recompiles it on each new one.
 */
import { oneLine } from "../nlp/normalize.js";
import type { EntityMention } from "./mentions.js";

/** What a mention is made of; the optional parts default to none. */
export type MentionFields = Omit<EntityMention, "aliases"> & { aliases?: string[] };

/** A mention of the fields given (no aliases, description, "X-based" place or compound by default); its name on one line. */
export function entityMention(f: MentionFields): EntityMention {
  return {
    sentence: f.sentence,
    tokStart: f.tokStart,
    tokEnd: f.tokEnd,
    start: f.start,
    end: f.end,
    text: f.text,
    name: oneLine(f.name),
    aliases: f.aliases ?? [],
    type: f.type,
    source: f.source,
    nominal: f.nominal,
    basedIn: f.basedIn,
    compound: f.compound,
  };
}

/** A copy of a mention with the fields given changed, in the same shape. */
export function changedMention(m: EntityMention, changes: Partial<EntityMention>): EntityMention {
  return entityMention({ ...m, ...changes });
}

/**
 * `mentions.map(f)` as an array of object elements even when empty: V8 gives an empty `map()` result
 * another elements kind (small integers) than a filled one, and the code reading both deoptimizes.
 */
export function mapMentions(mentions: readonly EntityMention[], f: (m: EntityMention, k: number) => EntityMention): EntityMention[] {
  const out: EntityMention[] = [];
  for (let k = 0; k < mentions.length; k++) out.push(f(mentions[k]!, k));
  return out;
}
