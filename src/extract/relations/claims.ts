/**
 * What a relation rule returns: claims (source, relation, target, with polarity, surface predicate and
 * the rule's reason) and roles stated for persons ("President"). A rule builds its output with a
 * `ClaimList`, whose `add` tells the rule whether the claim fits the relation's type signature (the
 * rules branch on it), so each rule is a pure function of one sentence's view. `collectClaims` turns the
 * rules' outputs, in order, into the document's relations: the first statement of a claim in a
 * sentence wins, mirrored symmetric claims included.
 */
import { SYMMETRIC_RELATIONS, type DocRelation, type RelationType } from "../../types.js";
import { fitsSignature } from "../lexicon.js";
import type { Item, SentenceContext } from "./context.js";

/** A relation a rule states, before the evidence sentence is attached. */
export type Claim = Pick<DocRelation, "source" | "target" | "relation" | "negated" | "predicate" | "rule">;

export interface RuleOutput {
  claims: Claim[];
  /** [entity id, role] pairs. */
  roles: [string, string][];
}

/** A rule over one sentence's view. */
export type SentenceRule = (s: SentenceContext) => RuleOutput;

/** The output a rule builds. */
export class ClaimList implements RuleOutput {
  readonly claims: Claim[] = [];
  readonly roles: [string, string][] = [];

  constructor(private readonly s: SentenceContext) {}

  /** Add a claim if the types fit its signature; returns whether they do. */
  add(source: Item | string, relation: RelationType, target: Item | string, options: { negated?: boolean; predicate: string; rule: string }): boolean {
    const from = typeof source === "string" ? source : source.id;
    const to = typeof target === "string" ? target : target.id;
    if (from === to || !fitsSignature(this.s.lex, relation, this.s.typeOf(from), this.s.typeOf(to))) return false;
    this.claims.push({ source: from, target: to, relation, negated: options.negated ?? false, predicate: options.predicate, rule: options.rule });
    return true;
  }

  role(entity: string, role: string): void {
    this.roles.push([entity, role]);
  }
}

/** The document's relations and roles from the rules' outputs, sentence by sentence, in rule order. */
export class ClaimCollector {
  readonly relations: DocRelation[] = [];
  readonly roles = new Map<string, Set<string>>();
  private readonly seen = new Set<string>();

  add(s: SentenceContext, output: RuleOutput): void {
    for (const c of output.claims) {
      const key = `${c.source}|${c.relation}|${c.target}|${c.negated}|${s.sentence.index}`;
      if (this.seen.has(key) || (SYMMETRIC_RELATIONS.has(c.relation) && this.seen.has(`${c.target}|${c.relation}|${c.source}|${c.negated}|${s.sentence.index}`))) continue;
      this.seen.add(key);
      this.relations.push({ ...c, evidence: s.evidence });
    }
    for (const [entity, role] of output.roles) this.roles.set(entity, (this.roles.get(entity) ?? new Set<string>()).add(role));
  }
}
