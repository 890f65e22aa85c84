/**
 * Claim qualities read from the dependency tree: whether the clause that links two mentions is negated
 * ("did not sanction"), a possibility rather than a fact (a modal "may/could/would", an intent verb
 * governing it "plans to meet", an if-clause, a question), or a past state ("former Prime Minister X",
 * "ex-chairman"). The scope is the tree path between the two mentions and the clauses that govern it,
 * not the words that happen to stand near them.
 */
import type { DependencyTree } from "../../nlp/parser/parser.js";
import type { Modality, RelationType } from "../../types.js";
import type { Anchor } from "./candidates.js";
import type { SentenceContext } from "./context.js";
import { spanHead } from "./syntax.js";

const NEGATORS = new Set(["not", "n't", "never", "no"]);
const MODALS = new Set(["may", "might", "could", "would", "should", "'d"]);
const INTENT = new Set([
  "plan", "plans", "planned", "planning", "expect", "expects", "expected", "hope", "hopes", "hoped", "want", "wants", "wanted",
  "seek", "seeks", "sought", "intend", "intends", "intended", "aim", "aims", "aimed", "propose", "proposes", "proposed",
  "consider", "considers", "considering", "considered", "threaten", "threatens", "threatened", "likely", "set", "poised", "due",
  // a bid, an attempt or an offer to do something is not its doing ("blocked X's bid to join Y"); a
  // denial reports a claim without stating it
  "deny", "denies", "denied", "denying",
  "bid", "bids", "attempt", "attempts", "effort", "efforts", "offer", "offers", "application", "request", "proposal", "hopes",
]);
/** Verbs of speech: a claim in their complement is the speaker's, attributed to them. */
const SPEECH = new Set(["said", "says", "say", "told", "tells", "added", "stated", "claimed", "claims", "insisted", "insists", "alleged", "alleges", "accused", "reported", "announced", "warned", "argued", "argues", "suggested", "believes", "believed"]);
const CONDITIONS = new Set(["if", "unless", "whether"]);
const FORMER = new Set(["former", "ex", "ex-", "erstwhile"]);
const FORMER_PREFIX = /^(?:ex|then)-\p{L}/u;
/** Relations by which a noun phrase is an argument of a predicate. */
const ARGUMENT = new Set(["nsubj", "nsubj:pass", "obj", "iobj", "obl"]);
/** Relations by which a clause hangs from the one that governs it. */
const GOVERNED = new Set(["xcomp", "ccomp", "advcl", "conj", "acl", "acl:relcl", "parataxis"]);

export interface ClaimQualities {
  negated: boolean;
  /** May, could, would, plans to, if, a question. */
  possible: boolean;
  /** A past role of a person of the pair ("former", "ex-"): the modality of role relations only. */
  former: boolean;
  /** The token of the speaker when the link is stated inside reported speech ("X said Y would ..."). */
  speaker?: number;
}

/** Relations that a person's role states, which "former" puts in the past. */
const ROLE_RELATIONS: ReadonlySet<RelationType> = new Set<RelationType>(["leader_of", "official_of", "works_for", "member_of"]);

/** The modality of a relation given the claim qualities of its mentions. */
export function modalityOf(q: ClaimQualities, relation: RelationType): Modality {
  return q.possible ? "possible" : q.former && ROLE_RELATIONS.has(relation) ? "former" : "asserted";
}

/** Each token's dependents, built once per tree. */
const CHILDREN = new WeakMap<DependencyTree, number[][]>();

function dependentsOf(ctx: SentenceContext, node: number): number[] {
  const tree = ctx.tree;
  let children = CHILDREN.get(tree);
  if (!children) {
    children = Array.from({ length: tree.heads.length }, () => []);
    tree.heads.forEach((h, k) => {
      if (h >= 0) children![h]!.push(k);
    });
    CHILDREN.set(tree, children);
  }
  return children[node] ?? [];
}

/**
 * The nodes whose clause states the link: the path between the heads and the clauses above it; `direct`
 * when both mentions hang from the top of the path by one arc ("China did not sanction Iran", "X is not a
 * member of Y"), the only shape in which a negation on that top negates the link itself.
 */
function scopeNodes(ctx: SentenceContext, a: number, b: number): { nodes: number[]; top: number | undefined; direct: boolean; speaker?: number } {
  const { heads, labels } = ctx.tree;
  const up = (from: number) => {
    const out: number[] = [];
    for (let t = from, n = 0; t >= 0 && n < 64; t = heads[t]!, n++) out.push(t);
    return out;
  };
  const ua = up(a);
  const ub = up(b);
  const top = ua.find((t) => ub.includes(t));
  const nodes = new Set<number>();
  for (const t of ua) {
    if (t === top) break;
    nodes.add(t);
  }
  for (const t of ub) {
    if (t === top) break;
    nodes.add(t);
  }
  nodes.delete(a);
  nodes.delete(b);
  if (top === undefined) return { nodes: [...nodes], top, direct: false };
  const direct = nodes.size === 0 && top !== a && top !== b;
  nodes.add(top);
  // A link inside a noun phrase ("A and B", "A's B") is stated by the predicate that phrase hangs from.
  if (ARGUMENT.has(labels[top]!) && heads[top]! >= 0) nodes.add(heads[top]!);
  // Climb through the clauses that govern the link ("plans to meet", "said it would ...").
  let t = top;
  let speaker: number | undefined;
  for (let n = 0; n < 3 && GOVERNED.has(labels[t]!) && heads[t]! >= 0; n++) {
    const clause = labels[t]!;
    t = heads[t]!;
    nodes.add(t);
    // "X said (that) Y ...", "Y ..., X said": the claim is X's.
    if (speaker === undefined && (clause === "ccomp" || clause === "parataxis") && SPEECH.has(ctx.lower[t]!)) {
      speaker = dependentsOf(ctx, t).find((d) => labels[d] === "nsubj");
    }
  }
  // "Y ..., X said": the speech verb hangs from the claim's own predicate.
  if (speaker === undefined) {
    for (const d of dependentsOf(ctx, top)) {
      if (labels[d] === "parataxis" && SPEECH.has(ctx.lower[d]!)) speaker = dependentsOf(ctx, d).find((x) => labels[x] === "nsubj");
    }
  }
  const out: { nodes: number[]; top: number | undefined; direct: boolean; speaker?: number } = { nodes: [...nodes], top, direct };
  if (speaker !== undefined) out.speaker = speaker;
  return out;
}

/** The claim qualities of a link between two mentions of a sentence. */
export function claimQualities(ctx: SentenceContext, s: Anchor, t: Anchor): ClaimQualities {
  const hs = spanHead(ctx, s.tokStart, s.tokEnd);
  const ht = spanHead(ctx, t.tokStart, t.tokEnd);
  const { lower } = ctx;
  const { labels } = ctx.tree;
  let negated = false;
  let possible = lower[lower.length - 1] === "?";
  let former = false;
  const scope = scopeNodes(ctx, hs, ht);
  for (const node of scope.nodes) {
    if (INTENT.has(lower[node]!) && node !== hs && node !== ht) possible = true;
    for (const d of dependentsOf(ctx, node)) {
      const w = lower[d]!;
      const label = labels[d]!;
      if (NEGATORS.has(w) && (label === "advmod" || label === "det" || label === "neg")) negated ||= scope.direct && node === scope.top;
      else if (MODALS.has(w) && label === "aux") possible = true;
      else if (CONDITIONS.has(w) && label === "mark") possible = true;
      else if (w === "formerly" || (w === "until" && label === "case")) former = true;
      // "X, a former chief executive of Y", "Y's former chancellor X": the role on the path is past.
      else if ((FORMER.has(w) || FORMER_PREFIX.test(w)) && label === "amod") former = true;
    }
  }
  // "former Prime Minister X", "the ex-chairman of Y": a past role of the person in the pair.
  for (const a of [s, t]) {
    if (a.type !== "person") continue;
    for (let k = a.tokStart - 1; k >= Math.max(0, a.tokStart - 4); k--) {
      if (FORMER.has(lower[k]!) || FORMER_PREFIX.test(lower[k]!)) former = true;
      if (/^[^\p{L}]/u.test(lower[k]!) || (ctx.pos[k] ?? "").startsWith("VB")) break;
    }
    for (const d of dependentsOf(ctx, a === s ? hs : ht)) if (FORMER.has(lower[d]!)) former = true;
  }
  const q: ClaimQualities = { negated, possible, former };
  if (scope.speaker !== undefined) q.speaker = scope.speaker;
  return q;
}
