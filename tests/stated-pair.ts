// Picks, from a built graph.json, the person with the most stated (typed, asserted) relations and one of
// its stated neighbours, so tests on a build of seeds/ check search, panel and neighbours without naming
// any entity of the sample articles.
import { readFileSync } from "node:fs";

interface Exported {
  nodes: { key: string; attributes: { label: string; type: string } }[];
  edges: { source: string; target: string; attributes: { relation: string; negated?: boolean; modality?: string; weight: number; evidence?: unknown[] } }[];
}

export interface StatedPair {
  person: { key: string; label: string };
  neighbour: { key: string; label: string };
}

export function statedPair(graphJson: string): StatedPair {
  const graph = JSON.parse(readFileSync(graphJson, "utf8")) as Exported;
  const nodes = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const stated = graph.edges.filter(
    ({ attributes: a }) => a.relation !== "co_occurs" && !a.negated && (a.modality ?? "asserted") === "asserted" && (a.evidence?.length ?? 0) > 0,
  );
  const count = new Map<string, number>();
  for (const { source, target } of stated) for (const end of [source, target]) count.set(end, (count.get(end) ?? 0) + 1);
  const people = [...count].filter(([key]) => nodes.get(key)?.type === "person").sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const person = people[0]?.[0];
  if (person === undefined) throw new Error(`${graphJson}: no person with a stated relation`);
  const edge = stated
    .filter((e) => (e.source === person) !== (e.target === person))
    .sort((a, b) => b.attributes.weight - a.attributes.weight || `${a.source}${a.target}`.localeCompare(`${b.source}${b.target}`))[0]!;
  const other = edge.source === person ? edge.target : edge.source;
  return { person: { key: person, label: nodes.get(person)!.label }, neighbour: { key: other, label: nodes.get(other)!.label } };
}
