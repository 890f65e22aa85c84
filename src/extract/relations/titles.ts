/**
 * Titles before a person's name: "Russian President X", "Chinese Commerce Minister X", "Acme CEO X",
 * "Norland's foreign minister X", "Mr X". The title becomes a role of the person; the country (by
 * demonym or name) or organization before it becomes the target of the relation the title implies
 * (leader_of, official_of, works_for); a demonym before a non-governing title gives citizen_of.
 */
import type { DocRelation } from "../../types.js";
import { entityMention } from "../entity-mention.js";
import { titleBounds } from "../gazetteer.js";
import { ClaimList, type RuleOutput } from "./claims.js";
import type { Item, SentenceContext } from "./context.js";

const MAX_MODIFIERS = 2;

/** Find the title phrase ending just before token `end`; returns its start and relation. */
function titleBefore(ctx: SentenceContext, end: number): { start: number; relation: string; title: string } | undefined {
  const { gaz } = ctx;
  if (end === 0 || !titleBounds(gaz).last.has(ctx.lower[end - 1]!)) return undefined;
  for (let n = Math.min(gaz.maxTitleTokens, end); n >= 1; n--) {
    const phrase = ctx.lower.slice(end - n, end).join(" ");
    const relation = gaz.titles.get(phrase);
    if (!relation) continue;
    // Capitalized modifiers of the title ("Commerce Minister", "Foreign Minister").
    let start = end - n;
    let mods = 0;
    while (start > 0 && mods < MAX_MODIFIERS && /^\p{Lu}\p{Ll}+$/u.test(ctx.words[start - 1]!) && !ctx.items.some((it) => it.m.tokEnd === start) && !ctx.demonyms.some((d) => d.d.tokEnd === start) && !gaz.titles.has(ctx.lower[start - 1]!)) {
      start--;
      mods++;
    }
    return { start, relation, title: ctx.words.slice(start, end).join(" ") };
  }
  return undefined;
}

/** "Belarusian opposition leader X", "Russian analyst X": a demonym shortly before a person's name. */
function demonymCitizen(ctx: SentenceContext, out: ClaimList, person: Item, end: number): void {
  const demonym = ctx.demonyms.find((d) => d.d.tokEnd <= end && end - d.d.tokEnd <= 3);
  if (!demonym) return;
  const between = ctx.lower.slice(demonym.d.tokEnd, end);
  if (between.every((w, k) => /^\p{L}+$/u.test(w) && !/^(?:and|or|of|the)$/.test(w) && /^(?:NN|NNS|NNP|JJ)$/.test(ctx.pos[demonym.d.tokEnd + k] ?? ""))) {
    out.add(person, "citizen_of", demonym.id, { predicate: ctx.words.slice(demonym.d.tokStart, end).join(" "), rule: "demonym-citizen" });
  }
}

export function titleRelations(ctx: SentenceContext): RuleOutput {
  const { gaz } = ctx;
  const out = new ClaimList(ctx);
  for (const person of ctx.items) {
    if (person.type !== "person") continue;
    let end = person.m.tokStart;
    if (end > 0 && gaz.honorifics.has(ctx.lower[end - 1]!.replace(/\.$/, ""))) end--;
    const title = titleBefore(ctx, end);
    if (!title) {
      demonymCitizen(ctx, out, person, end);
      continue;
    }
    out.role(person.id, title.title);
    const relation = title.relation as "leader_of" | "official_of" | "works_for";
    const before = title.start;
    const demonym = ctx.demonyms.find((d) => d.d.tokEnd === before);
    if (demonym) {
      if (relation !== "works_for") out.add(person, relation, demonym.id, { predicate: title.title, rule: `title-${relation}` });
      out.add(person, "citizen_of", demonym.id, { predicate: `${demonym.d.text} ${title.title}`, rule: "title-demonym-citizen" });
      continue;
    }
    const possessive = ctx.lower[before - 1] === "'s" ? 1 : 0;
    const holder: Item | undefined = ctx.items.find((it) => it.m.tokEnd === before - possessive && it !== person);
    if (holder) out.add(person, relation, holder, { predicate: title.title, rule: `title-${relation}` });
    else demonymCitizen(ctx, out, person, before);
  }
  return out;
}

const ROLE_NOUNS = new Set(["leader", "president", "premier", "counterpart", "chancellor", "prime minister", "head of state", "head of government", "strongman", "monarch", "king", "queen"]);
const ROLE_DETERMINERS = new Set(["the", "his", "her", "their", "its"]);

/**
 * Role nominals: "the Norwegian leader", "his Chinese counterpart" name the one person the document
 * states to lead that country (by a title elsewhere in it); they become mentions of that person.
 */
export function roleNominals(ctx: SentenceContext, relations: DocRelation[]): Item[] {
  const out: Item[] = [];
  for (const { d, id: country } of ctx.demonyms) {
    if (!ROLE_DETERMINERS.has(ctx.lower[d.tokStart - 1] ?? "")) continue;
    let role = "";
    let end = d.tokEnd;
    for (let n = 3; n >= 1; n--) {
      const phrase = ctx.lower.slice(d.tokEnd, d.tokEnd + n).join(" ");
      if (ROLE_NOUNS.has(phrase)) {
        role = phrase;
        end = d.tokEnd + n;
        break;
      }
    }
    if (!role || ctx.items.some((it) => it.m.tokStart === end || (it.m.tokStart < end && it.m.tokEnd > d.tokStart))) continue;
    const leaders = new Set(relations.filter((r) => r.relation === "leader_of" && r.target === country && !r.negated).map((r) => r.source));
    if (leaders.size !== 1) continue;
    const person = [...leaders][0]!;
    const first = ctx.sentence.tokens[d.tokStart]!;
    const last = ctx.sentence.tokens[end - 1]!;
    const text = ctx.words.slice(d.tokStart, end).join(" ");
    out.push({
      m: entityMention({ sentence: ctx.sentence.index, tokStart: d.tokStart, tokEnd: end, start: first.start, end: last.end, text, name: text, type: "person", source: "NOM", nominal: { head: role, kind: "role", plural: false, phraseStart: d.tokStart - 1 } }),
      id: person,
      type: "person",
    });
  }
  return out;
}
