/**
 * A surname alone in a document ("Blair said ...") when the corpus knows several full-name people with
 * that surname (Tony, Cherie and Ian Blair): the document's other entities decide. Each candidate's
 * context is the set of names in the documents that name it in full; the document's names are weighed
 * against each context by how rare they are (inverse document frequency), and the surname joins the
 * candidate that shares clearly more with the document (at least MIN_SCORE, and RATIO times the
 * runner-up). Otherwise it stays apart, as before.
 */

/** An entity of one document as this step sees it: its name key and whether it is a person. */
export interface ContextMember {
  doc: number;
  key: string;
  person: boolean;
}

/** Least weighted overlap for a decision. */
export const MIN_SCORE = 4;
/** How many times the runner-up's overlap the winner needs. */
export const RATIO = 2;

/** For each lone-surname person member that its document's context places, the full name key it joins. */
export function surnamesByContext(members: readonly ContextMember[]): Map<number, string> {
  const docs = new Map<number, Set<string>>();
  for (const m of members) docs.set(m.doc, (docs.get(m.doc) ?? new Set<string>()).add(m.key));
  const df = new Map<string, number>();
  for (const names of docs.values()) for (const k of names) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => Math.log((docs.size + 1) / (df.get(k) ?? 1));

  // Full names by surname; then the names around each full name that a lone surname may join (its
  // surname is shared by several full names), the only contexts compared below.
  const fullNames = members.flatMap((m) => {
    const words = m.key.split(" ");
    return m.person && words.length >= 2 && words[0]!.length >= 2 ? [{ m, surname: words[words.length - 1]! }] : [];
  });
  const bySurname = new Map<string, Set<string>>();
  for (const { m, surname } of fullNames) bySurname.set(surname, (bySurname.get(surname) ?? new Set<string>()).add(m.key));
  const context = new Map<string, Set<string>>();
  for (const { m, surname } of fullNames) {
    if (bySurname.get(surname)!.size < 2) continue;
    const around = context.get(m.key) ?? new Set<string>();
    for (const k of docs.get(m.doc)!) if (k !== m.key) around.add(k);
    context.set(m.key, around);
  }

  const out = new Map<number, string>();
  members.forEach((m, i) => {
    if (!m.person || m.key.includes(" ")) return;
    const candidates = bySurname.get(m.key);
    if (!candidates || candidates.size < 2) return;
    const names = docs.get(m.doc)!;
    const scored = [...candidates]
      .map((full) => {
        let score = 0;
        for (const k of names) if (k !== m.key && context.get(full)!.has(k)) score += idf(k);
        return { full, score };
      })
      .sort((a, b) => b.score - a.score || (a.full < b.full ? -1 : 1));
    const [best, second] = scored as [{ full: string; score: number }, { full: string; score: number }];
    if (best.score >= MIN_SCORE && best.score >= RATIO * second.score) out.set(i, best.full);
  });
  return out;
}
