/** The control characters the database puts around highlighted words (see SearchRepository). */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * Turns the database's highlighted passage into the snippet the API returns.
 *
 * `marked` is the passage highlighted on accent-folded, HTML-escaped text, with MARK_START /
 * MARK_END around matched words; `original` is the same passage of the unfolded, HTML-escaped
 * text (null when it could not be located). Folding changes no character's position, so the
 * original characters are copied in place of the folded ones and the markers become <mark> tags.
 * Both inputs are already escaped: the tags are the only markup in the result.
 */
export function toSnippet(marked: string | null, original: string | null): string {
  if (!marked) return '';
  let plainLength = 0;
  for (let i = 0; i < marked.length; i++) if (marked[i] !== MARK_START && marked[i] !== MARK_END) plainLength++;
  // A passage that does not line up (it should always) falls back to the folded text: still safe.
  const source = original !== null && original.length === plainLength ? original : null;
  let out = '';
  let j = 0;
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    if (c === MARK_START) out += '<mark>';
    else if (c === MARK_END) out += '</mark>';
    else out += source ? source[j++] : c;
  }
  return out;
}

/**
 * The two character lists of the database's `passerelle_fold` (migration SearchGoodPractices), a
 * 1:1 `translate`: search vectors and queries are folded this way, so a passage is folded the same
 * way before it is highlighted. Checked against the database by the search integration tests.
 */
export const FOLD_FROM = 'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿŸ';
export const FOLD_TO = 'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyyY';
const FOLD_CASE_KEPT = new Map<string, string>([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]] as [string, string]));
const FOLDABLE = new RegExp(`[${FOLD_FROM}]`, 'g');

/** `passerelle_fold` in JavaScript: accents dropped, case and every character's position kept. */
export const foldAccents = (text: string): string => text.replace(FOLDABLE, (c) => FOLD_CASE_KEPT.get(c)!);

const withoutMarks = (text: string): string => text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `passerelle_search_escape` in JavaScript: HTML-escapes text for a snippet and drops the two
 * control characters that mark highlights, so that the only markers in a highlighted passage are
 * the database's.
 */
export const escapeForSnippet = (text: string): string =>
  withoutMarks(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * A passage of original text prepared for highlighting: `folded` is what the database highlights
 * (folded, escaped), `original` the same characters unfolded (escaped). Folding keeps every
 * character in place and escaping expands the same characters in both, so they line up.
 */
export interface PreparedPassage {
  folded: string;
  original: string;
}

export const preparePassage = (passage: string): PreparedPassage => {
  const original = escapeForSnippet(passage);
  return { folded: foldAccents(original), original };
};

/**
 * The snippet of a passage the database highlighted: the highlighted words are located in the
 * folded passage and the original characters are put back in their place (see toSnippet).
 */
export function snippetOf(marked: string | null, passage: PreparedPassage): string {
  if (!marked) return '';
  const plain = withoutMarks(marked);
  const at = plain.length > 0 ? passage.folded.indexOf(plain) : -1;
  return toSnippet(marked, at >= 0 ? passage.original.slice(at, at + plain.length) : null);
}

/** Accented forms of the letters that accent folding (passerelle_fold) maps to plain ones. */
const ACCENTED: Record<string, string> = {
  a: 'àáâãäå',
  c: 'ç',
  e: 'èéêë',
  i: 'ìíîï',
  n: 'ñ',
  o: 'òóôõö',
  u: 'ùúûü',
  y: 'ýÿ',
};
/** Accented letter → plain letter (lower case), as passerelle_fold does; other scripts are left alone. */
const FOLD = new Map<string, string>(
  Object.entries(ACCENTED).flatMap(([plain, accented]) =>
    [...accented, ...accented.toUpperCase()].map((c) => [c, plain] as [string, string]),
  ),
);
const fold = (word: string): string => [...word.toLowerCase()].map((c) => FOLD.get(c) ?? c).join('');
const MAX_WORDS = 6;
const ARABIC_ARTICLE = /^ال(?=.{3})/;

/**
 * A regular expression (PostgreSQL ARE) that finds the query's words in a text roughly — as
 * prefixes, whatever their case and accents — so that a snippet is highlighted around the first
 * of them rather than over the whole text. Null when the query has no word. It only places the
 * passage: the database's own matching and highlighting decide what is marked.
 */
export function passageLocator(q: string): string | null {
  const words = new Set<string>();
  for (const token of q.split(/\s+/)) {
    // Websearch syntax: "-word" excludes a word, "or" joins alternatives.
    if (token.startsWith('-') || token.toLowerCase() === 'or') continue;
    for (const raw of token.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const word = fold(raw).replace(ARABIC_ARTICLE, '');
      // Stems drop endings: look for the beginning of a long word.
      if (word.length >= 2) words.add(word.length <= 4 ? word : word.slice(0, Math.max(4, word.length - 3)));
    }
  }
  if (words.size === 0) return null;
  const letter = (c: string): string => {
    const upper = c.toUpperCase();
    const variants = ACCENTED[c] ?? '';
    const all = c + (upper !== c ? upper : '') + variants + variants.toUpperCase();
    return all.length > 1 ? `[${all}]` : c;
  };
  return `(?:${[...words]
    .slice(0, MAX_WORDS)
    .map((w) => [...w].map(letter).join(''))
    .join('|')})`;
}
