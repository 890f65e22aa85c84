import { describe, expect, it } from "vitest";
import { toNeo4jCsv } from "../../../src/graph/export/csv.js";
import { literal, toCypher } from "../../../src/graph/export/cypher.js";
import { quote, toDot } from "../../../src/graph/export/dot.js";
import { toJsonLd } from "../../../src/graph/export/jsonld.js";
import { TRICKY_LABEL, loadExportFixture } from "./fixture.js";

const kg = loadExportFixture();
const { graph } = kg;

/** RFC 4180 records: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  return rows;
}

/** Rows of a CSV as records keyed by header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const r of rows) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe("Neo4j CSV export", () => {
  const { nodes, edges } = toNeo4jCsv(graph);
  const nodeRows = records(nodes);
  const edgeRows = records(edges);

  it("has one row per node and per edge", () => {
    expect(nodeRows).toHaveLength(graph.order);
    expect(edgeRows).toHaveLength(graph.size);
  });

  it("uses Neo4j admin-import headers", () => {
    expect(nodes.split("\n")[0]).toBe("key:ID,label,type,aliases:string[],mentions:int,docs:string[],roles:string[],firstSeen,lastSeen,community:int,x:double,y:double,size:double,color,:LABEL");
    expect(edges.split("\n")[0]).toBe(":START_ID,:END_ID,:TYPE,key,relation,negated:boolean,directed:boolean,predicate,weight:int,stories:int,docs:string[],rules:string[],evidence");
  });

  it("quotes names with quotes, commas and accents so they read back intact", () => {
    const byKey = new Map(nodeRows.map((r) => [r["key:ID"], r]));
    expect(byKey.get("organization:cafe-zurich")!.label).toBe(TRICKY_LABEL);
    expect(byKey.get("organization:acme-rocket-works")).toMatchObject({ label: 'Acme "Rocket" Works', "aliases:string[]": "Acme;ARW", ":LABEL": "Entity;Organization" });
    expect(byKey.get("organization:smith-jones-partners")!.label).toBe("Smith, Jones & Partners");
    expect(byKey.get("location:lodz-harbour")!.label).toBe("Łódź Harbour");
    expect(nodes).toContain('"Acme ""Rocket"" Works"');
  });

  it("replaces the array delimiter inside an item", () => {
    const cafe = nodeRows.find((r) => r["key:ID"] === "organization:cafe-zurich")!;
    expect(cafe["aliases:string[]"]).toBe('Café Zürich;CZ, Ltd;The "Café"');
  });

  it("writes relation types, polarity, direction and evidence", () => {
    const negated = edgeRows.find((r) => r.key === "e5")!;
    expect(negated).toMatchObject({ ":START_ID": "country:valdoria", ":END_ID": "organization:northwind-council", ":TYPE": "MEMBER_OF", "negated:boolean": "true", "directed:boolean": "true" });
    expect(edgeRows.find((r) => r.key === "e2")).toMatchObject({ ":TYPE": "MEETS", "directed:boolean": "false" });
    const tricky = edgeRows.find((r) => r.key === "e-tricky")!;
    expect(JSON.parse(tricky.evidence!)).toEqual(graph.getEdgeAttribute("e-tricky", "evidence"));
  });

  it("counts match the graph by relation type", () => {
    const counts = new Map<string, number>();
    graph.forEachEdge((_k, a) => counts.set(a.relation.toUpperCase(), (counts.get(a.relation.toUpperCase()) ?? 0) + 1));
    const fromCsv = new Map<string, number>();
    for (const r of edgeRows) fromCsv.set(r[":TYPE"]!, (fromCsv.get(r[":TYPE"]!) ?? 0) + 1);
    expect(fromCsv).toEqual(counts);
  });
});

/** Read back a Cypher single-quoted literal. */
function unquoteCypher(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
}

describe("Cypher export", () => {
  const script = toCypher(graph);
  const lines = script.trimEnd().split("\n");

  it("has one MERGE per node and per edge after a uniqueness constraint", () => {
    expect(lines.filter((l) => l.startsWith("MERGE (n:Entity"))).toHaveLength(graph.order);
    expect(lines.filter((l) => l.startsWith("MATCH (a:Entity") && l.includes(")-[r:"))).toHaveLength(graph.size);
    expect(lines[2]).toMatch(/^CREATE CONSTRAINT .* REQUIRE n\.key IS UNIQUE;$/);
    expect(lines.every((l) => l.startsWith("//") || l.endsWith(";"))).toBe(true);
  });

  it("escapes strings so every label reads back exactly", () => {
    const labels = lines.flatMap((l) => [...l.matchAll(/label: ('(?:[^'\\]|\\.)*')/g)].map((m) => unquoteCypher(m[1]!)));
    expect(labels.sort()).toEqual(graph.mapNodes((_k, a) => a.label).sort());
  });

  it.each([
    ["O'Neill", "'O\\'Neill'"],
    ["back\\slash", "'back\\\\slash'"],
    ["two\nlines", "'two\\nlines'"],
    ["Zürich", "'Zürich'"],
  ])("literal(%j)", (input, expected) => {
    expect(literal(input)).toBe(expected);
  });

  it("merges relations on their key with typed relationships", () => {
    expect(script).toContain("MATCH (a:Entity {key: 'country:valdoria'}) MATCH (b:Entity {key: 'organization:northwind-council'}) MERGE (a)-[r:`MEMBER_OF` {key: 'e5'}]->(b) SET r += {relation: 'member_of', negated: true, directed: true,");
    expect(script).toContain("SET n:`Person`, n += {label: 'Tomás O\\'Neill', type: 'person', aliases: ['O\\'Neill', 'Tomas O\\'Neill']");
  });
});

describe("DOT export", () => {
  const dot = toDot(graph);
  const lines = dot.trimEnd().split("\n");

  it("has one statement per node and per edge", () => {
    const edgeLines = lines.filter((l) => / -> /.test(l));
    expect(edgeLines).toHaveLength(graph.size);
    expect(lines.filter((l) => /^ {2}"[^"]+" \[label=/.test(l))).toHaveLength(graph.order);
    expect(lines[0]).toBe('digraph "query fixture" {');
    expect(lines.at(-1)).toBe("}");
  });

  it("draws symmetric relations without arrows, negations dashed, co-occurrence dotted", () => {
    expect(lines.find((l) => l.includes('id="e2"'))).toContain('dir="none"');
    expect(lines.find((l) => l.includes('id="e5"'))).toContain('label="not member_of"');
    expect(lines.find((l) => l.includes('id="e5"'))).toContain('style="dashed"');
    expect(lines.find((l) => l.includes('id="e15"'))).toContain('style="dotted"');
  });

  it.each([
    ['Acme "Rocket" Works', '"Acme \\"Rocket\\" Works"'],
    ["back\\slash", '"back\\\\slash"'],
    ["two\nlines", '"two\\nlines"'],
  ])("quote(%j)", (input, expected) => {
    expect(quote(input)).toBe(expected);
  });
});

describe("JSON-LD export", () => {
  const doc = JSON.parse(toJsonLd(graph, kg.documents.values())) as { "@context": Record<string, unknown>; "@graph": Record<string, unknown>[] };
  const items = doc["@graph"];
  const ofType = (t: string) => items.filter((i) => i["@type"] === t);

  it("uses schema.org as vocabulary", () => {
    expect(doc["@context"]["@vocab"]).toBe("https://schema.org/");
  });

  it("types entities with schema.org types and keeps their names", () => {
    expect(ofType("Person")).toHaveLength(4);
    expect(ofType("Country")).toHaveLength(2);
    expect(ofType("Place")).toHaveLength(3);
    expect(ofType("Project")).toHaveLength(2);
    expect(ofType("Event")).toHaveLength(1);
    expect(ofType("Organization").map((o) => o.name)).toContain(TRICKY_LABEL);
    expect(items.find((i) => i["@id"] === "urn:newsgraph:entity:person:tomas-oneill")).toMatchObject({ name: "Tomás O'Neill", alternateName: ["O'Neill", "Tomas O'Neill"], jobTitle: ["trade minister"] });
  });

  it("has one relation per edge, with evidence quoting its article", () => {
    const relations = ofType("ng:Relation");
    expect(relations).toHaveLength(graph.size);
    const negated = relations.find((r) => r["@id"] === "urn:newsgraph:edge:e5")!;
    expect(negated).toMatchObject({ "ng:relation": "member_of", "ng:negated": true, "ng:source": "urn:newsgraph:entity:country:valdoria" });
    expect((negated["ng:evidence"] as object[])[0]).toMatchObject({ "@type": "Quotation", isPartOf: { "@id": "urn:newsgraph:document:d3" }, dateCreated: "2024-06-20" });
  });

  it("describes each cited document as a NewsArticle", () => {
    const articles = ofType("NewsArticle");
    expect(articles.map((a) => a.identifier)).toEqual(["d1", "d2", "d3", "d4"]);
    expect(articles[1]).toMatchObject({ headline: "Acme orders a pipeline", datePublished: "2024-03-05", url: "https://news.example/d2", publisher: { name: "Example Wire" } });
  });
});
