/**
 * Text normalization shared by the stages: typographic quotes, apostrophes and dashes to ASCII, accents
 * folded, and the name keys under which surface forms of one entity are compared ("Erdoğan" = "Erdogan",
 * "Bashar al-Assad" = "Bashar Assad" for a person).
 */

/** Typographic apostrophes, quotes and dashes: what `asciiPunctuation` replaces. */
const TYPOGRAPHIC = /[’‘`´“”„«»‐‑‒–—]/;
/** Only ASCII characters: nothing to fold (NFKD leaves them as they are, and none is a mark). */
const ASCII = /^[\x00-\x7f]*$/;

/** Replace typographic apostrophes, quotes and dashes by their ASCII forms. */
export function asciiPunctuation(s: string): string {
  // Most words hold none: test once rather than run three replacements.
  if (!TYPOGRAPHIC.test(s)) return s;
  return s.replace(/[’‘`´]/g, "'").replace(/[“”„«»]/g, '"').replace(/[‐‑‒–—]/g, "-");
}

/** A line break, tab, no-break space or run of spaces: what `oneLine` replaces. */
const SPACING = /[^\S ]| {2}/;

/**
 * A name as one line with single spaces: names in hard-wrapped text (wire copy, mail, text converted from
 * PDF) run across line breaks, and "United\nStates" must be the name "United States", not a second entity.
 */
export function oneLine(name: string): string {
  if (!SPACING.test(name)) return name;
  return name.replace(/\s+/g, " ");
}

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTER_FOLDS: Record<string, string> = { ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ħ: "h", Ħ: "H", ß: "ss", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ı: "i", þ: "th", Þ: "Th", ð: "d", Ð: "D" };

/** Strip accents and fold the Latin letters without a decomposition ("Erdoğan" → "Erdogan", "Łódź" → "Lodz"). */
export function foldAccents(s: string): string {
  if (ASCII.test(s)) return s;
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[łŁøØđĐħĦßæÆœŒıþÞðÐ]/g, (c) => LETTER_FOLDS[c] ?? c);
}

/** Whether a name is written with accents or letters that fold ("Erdoğan"): of two spellings of one name, the fuller. */
export function hasAccents(s: string): boolean {
  return foldAccents(s) !== s;
}

/** How full a name is: its words, split at spaces and hyphens, that hold a letter or digit ("Bashar al-Assad" 3, "The Sun" 2, "Bono -" 1). */
export function nameWordCount(name: string): number {
  return name.split(/[\s\-‐‑‒–—]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Keys already computed, by name: a document looks the same names and phrases up many times, and a
 * corpus repeats them across documents. Bounded: emptied when full, so a long build's memory stays flat.
 */
class KeyMemo {
  private readonly keys = new Map<string, string>();
  constructor(
    private readonly compute: (name: string) => string,
    private readonly capacity = 50_000,
  ) {}

  get(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      if (this.keys.size >= this.capacity) this.keys.clear();
      key = this.compute(name);
      this.keys.set(name, key);
    }
    return key;
  }
}

const NAME_KEYS = new KeyMemo(computeNameKey);
const PERSON_NAME_KEYS = new KeyMemo(computePersonNameKey);

/** A comparison key for a name: case, accents, punctuation, a leading "the" and possessives do not matter. */
export function nameKey(name: string): string {
  return NAME_KEYS.get(name);
}

function computeNameKey(name: string): string {
  return foldAccents(asciiPunctuation(name))
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[.]/g, "")
    .replace(/[-_/\s]/g, " ")
    .replace(/[^\p{L}\p{N} &]/gu, "")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The key of a person's name without its lowercase particles, the words and prefixes written in lower
 * case inside a capitalized name: "Bashar al-Assad" and "Bashar Assad" → "bashar assad", "bin Laden" →
 * "laden", "Ursula von der Leyen" → "ursula leyen". The last word always stays, and a hyphenated word
 * stays one word ("Robert Kilroy-Silk" → "robert kilroy-silk"), so that a surname is a word of the key.
 */
export function personNameKey(name: string): string {
  return PERSON_NAME_KEYS.get(name);
}

function computePersonNameKey(name: string): string {
  const words = asciiPunctuation(name).split(/\s+/).filter((w) => w !== "");
  return words
    .filter((w, i) => i === words.length - 1 || !/^\p{Ll}+$/u.test(w))
    .map((w) => nameKey(w.replace(/^\p{Ll}+['-](?=\p{Lu})/u, "")).replace(/ /g, "-"))
    .filter((w) => w !== "")
    .join(" ");
}

/**
 * The words a person is called by alone, from a person name key: the first and the last word, and the
 * first piece of either when hyphenated ("kilroy" of "robert kilroy-silk", "jean" of "jean-claude juncker").
 */
export function personShortForms(key: string): string[] {
  const words = key.split(" ");
  const ends = [words[0]!, words[words.length - 1]!];
  return [...new Set([...ends, ...ends.filter((w) => w.includes("-")).map((w) => w.split("-")[0]!)])];
}

/** A URL- and file-safe slug of a name (accents folded; letters of other scripts kept). */
export function slugify(name: string): string {
  const slug = nameKey(name).replace(/&/g, "and").replace(/\s+/g, "-");
  return slug || "x";
}
