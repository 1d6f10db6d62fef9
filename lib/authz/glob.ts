/**
 * Wildcard patterns of policies (`*` any run of characters, colons included; `?` exactly one).
 * A policy's author controls the pattern, so it is never turned into a regular expression: a
 * backtracking regex makes `*a*a*a…b` cost exponential time, and one such policy would stall the
 * server for every tenant. Here a pattern is split at its `*`s once; a value then matches when the
 * first piece starts it, the last piece ends it, and each middle piece is found, leftmost first,
 * after the previous one. Taking the leftmost occurrence is always safe (it leaves the most room
 * for the pieces after it), so nothing is ever retried. A piece without `?` is found by the native
 * `indexOf`; one with `?` by a bit-parallel scan (Shift-And), which reads each character of the
 * value once, so a decision stays linear in the value even for a 256-character `a?a?…` pattern.
 */

/** The parser's caps; they bound the matcher's work and keep patterns readable. */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_PATTERN_WILDCARDS = 10;

export type Matcher = (value: string) => boolean;

export function countWildcards(pattern: string): number {
  let n = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 || c === 63) n++;
  }
  return n;
}

const ANY = 63; // "?"

interface Piece {
  text: string;
  /** Whether the piece holds a `?`, which `indexOf`/`startsWith` cannot see. */
  any: boolean;
  /** Shift-And masks per character code (bit i: position i accepts it), built on first use. */
  masks?: { byChar: Map<number, Uint32Array>; other: Uint32Array };
}

function masksOf(piece: Piece): NonNullable<Piece["masks"]> {
  if (piece.masks !== undefined) return piece.masks;
  const { text } = piece;
  const words = Math.ceil(text.length / 32);
  const other = new Uint32Array(words);
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === ANY) other[i >>> 5]! |= 1 << (i & 31);
  const byChar = new Map<number, Uint32Array>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === ANY || byChar.has(c)) continue;
    const mask = other.slice();
    for (let j = i; j < text.length; j++) if (text.charCodeAt(j) === c) mask[j >>> 5]! |= 1 << (j & 31);
    byChar.set(c, mask);
  }
  piece.masks = { byChar, other };
  return piece.masks;
}

/** Shift-And: bit i of the state says "the piece's first i+1 characters end here". */
function scanPiece(piece: Piece, value: string, from: number, end: number): number {
  const { byChar, other } = masksOf(piece);
  const length = piece.text.length;
  const words = other.length;
  const state = new Uint32Array(words);
  const lastWord = (length - 1) >>> 5;
  const lastBit = 1 << ((length - 1) & 31);
  for (let i = from; i < end; i++) {
    const mask = byChar.get(value.charCodeAt(i)) ?? other;
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const d = state[w]!;
      state[w] = ((d << 1) | carry) & mask[w]!;
      carry = d >>> 31;
    }
    if ((state[lastWord]! & lastBit) !== 0) return i - length + 1;
  }
  return -1;
}

/** Whether `piece` matches `value` at offset `at` (the caller checked that it fits). */
function pieceAt(piece: Piece, value: string, at: number): boolean {
  const { text } = piece;
  if (!piece.any) return value.startsWith(text, at);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== ANY && c !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost offset in [from, end - piece length] where the piece matches, or -1. */
function findPiece(piece: Piece, value: string, from: number, end: number): number {
  if (piece.any) return scanPiece(piece, value, from, end);
  const at = value.indexOf(piece.text, from);
  return at >= 0 && at <= end - piece.text.length ? at : -1;
}

const piece = (text: string): Piece => ({ text, any: text.includes("?") });
const always: Matcher = () => true;

/** Compiles a case-sensitive matcher; for a case-insensitive one, lower-case pattern and values. */
export function compileGlob(pattern: string): Matcher {
  const parts = pattern.split("*");
  if (parts.length === 1) {
    const whole = piece(pattern);
    return whole.any ? (v) => v.length === pattern.length && pieceAt(whole, v, 0) : (v) => v === pattern;
  }
  const head = piece(parts[0]!);
  const tail = piece(parts[parts.length - 1]!);
  const middle = parts
    .slice(1, -1)
    .filter((p) => p !== "")
    .map(piece);
  const minLength = head.text.length + tail.text.length + middle.reduce((n, p) => n + p.text.length, 0);
  if (minLength === 0) return always;
  if (middle.length === 0 && tail.text === "" && !head.any) return (v) => v.startsWith(head.text);
  return (value) => {
    if (value.length < minLength) return false;
    const end = value.length - tail.text.length;
    if (!pieceAt(head, value, 0) || !pieceAt(tail, value, end)) return false;
    let from = head.text.length;
    for (const p of middle) {
      const at = findPiece(p, value, from, end);
      if (at < 0) return false;
      from = at + p.text.length;
    }
    return true;
  };
}

/** One-off match; the engine compiles its patterns once instead. */
export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  return ignoreCase ? compileGlob(pattern.toLowerCase())(value.toLowerCase()) : compileGlob(pattern)(value);
}

const isWildcardFree = (pattern: string) => !pattern.includes("*") && !pattern.includes("?");

/**
 * One matcher for a list of patterns (any may match); null when the list matches everything.
 * Wildcard-free patterns become one set lookup. With `ignoreCase`, values must be lower-cased.
 */
export function compileGlobList(patterns: readonly string[], ignoreCase: boolean): Matcher | null {
  const normal = ignoreCase ? patterns.map((p) => p.toLowerCase()) : patterns;
  if (normal.some((p) => p !== "" && p.replaceAll("*", "") === "")) return null;
  const exact = new Set(normal.filter(isWildcardFree));
  const globs = normal.filter((p) => !isWildcardFree(p)).map(compileGlob);
  if (globs.length === 0) {
    if (exact.size === 1) {
      const [only] = exact;
      return (v) => v === only;
    }
    return (v) => exact.has(v);
  }
  if (exact.size === 0 && globs.length === 1) return globs[0]!;
  return (v) => exact.has(v) || globs.some((g) => g(v));
}
