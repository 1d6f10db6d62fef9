/**
 * Exact containment of policy statements: does every (action, resource) that one statement allows
 * also fall under some Allow of another set, outside every Deny? Used to enforce "you can hand on
 * only what you hold" for wildcard patterns, where sampling a few actions would miss cases.
 *
 * Each statement is a language over the string `lower(action) SEP resource`; the question is
 * whether L(subject) \ L(subjectDenies) ⊆ (∪ L(allows)) \ (∪ L(denies)). Every statement is
 * determinised lazily (the state is the set of glob positions it can be in), and the product of
 * all of them is explored breadth first over an alphabet of the characters the patterns name plus
 * one character that none names. Any reachable product state in which the subject accepts and the
 * holder does not is a counterexample, and the path to it is the witness.
 */
import type { Statement } from "@/lib/policy/document";

/**
 * Transitions (states × statements × symbols) one hand-on check may spend in all, about 50 ms; a
 * question that needs more is left undecided and answered "not contained", the safe side, so no
 * policy can make a check hold the server.
 */
export const MAX_WORK = 400_000;

const MAX_STATES = 20_000;

/** Work left for one check, shared by every containment question it asks. */
export interface Budget {
  left: number;
}

export const newBudget = (work = MAX_WORK): Budget => ({ left: work });

/** The separator between the action and the resource: not a character, so no pattern can match it. */
const SEP = "";

export interface Counterexample {
  action: string;
  resource: string;
}

export type ContainmentResult = { contained: true } | { contained: false; witness: Counterexample | null; undecided?: true };

/** A statement reduced to what containment looks at: its action and resource patterns. */
export interface Shape {
  actions: string[];
  /** True when `actions` lists NotAction patterns: the statement covers every other action. */
  negated: boolean;
  resources: string[];
}

export function shapeOf(statement: Statement): Shape {
  const negated = statement.Action === undefined;
  return {
    actions: (negated ? (statement.NotAction ?? []) : statement.Action!).map((a) => a.toLowerCase()),
    negated,
    resources: statement.Resource ?? ["*"],
  };
}

const DEAD = 0;

/** One statement, determinised on demand. State ids are interned; 0 is the dead state. */
class StatementAutomaton {
  private readonly keys = new Map<string, number>([["dead", DEAD]]);
  private readonly states: { phase: 0 | 1; positions: number[] }[] = [{ phase: 0, positions: [] }];
  private readonly transitions = new Map<number, Map<string, number>>();
  /** Positions are indexes into one flat table: pattern number and offset. */
  private readonly actionPositions: [number, number][] = [];
  private readonly resourcePositions: [number, number][] = [];
  private readonly positionIndex = new Map<string, number>();
  readonly initial: number;

  constructor(
    private readonly shape: Shape,
    private readonly budget: Budget,
  ) {
    this.initial = this.intern(
      0,
      this.closure(
        shape.actions,
        shape.actions.map((_, i) => [i, 0] as [number, number]),
        this.actionPositions,
      ),
    );
  }

  private closure(patterns: string[], start: [number, number][], table: [number, number][]): number[] {
    const out = new Set<number>();
    const stack = [...start];
    while (stack.length > 0) {
      const [p, j] = stack.pop()!;
      const name = `${table === this.actionPositions ? "a" : "r"}${p}.${j}`;
      let index = this.positionIndex.get(name);
      if (index === undefined) {
        index = table.push([p, j]) - 1;
        this.positionIndex.set(name, index);
      }
      if (out.has(index)) continue;
      out.add(index);
      if (patterns[p]![j] === "*") stack.push([p, j + 1]);
    }
    return [...out].sort((a, b) => a - b);
  }

  private intern(phase: 0 | 1, positions: number[]): number {
    // A negated action set stays alive with no position left (the action is simply outside it).
    if (positions.length === 0 && !(phase === 0 && this.shape.negated)) return DEAD;
    const key = `${phase}|${positions.join(",")}`;
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.states.push({ phase, positions }) - 1;
      this.keys.set(key, id);
    }
    return id;
  }

  private atEnd(patterns: string[], table: [number, number][], positions: number[]): boolean {
    return positions.some((index) => {
      const [p, j] = table[index]!;
      return j === patterns[p]!.length;
    });
  }

  accepts(state: number): boolean {
    const s = this.states[state]!;
    return state !== DEAD && s.phase === 1 && this.atEnd(this.shape.resources, this.resourcePositions, s.positions);
  }

  step(state: number, symbol: string): number {
    if (state === DEAD) return DEAD;
    let row = this.transitions.get(state);
    if (row === undefined) {
      row = new Map();
      this.transitions.set(state, row);
    }
    let next = row.get(symbol);
    if (next === undefined) {
      next = this.compute(state, symbol);
      row.set(symbol, next);
    }
    return next;
  }

  private compute(state: number, symbol: string): number {
    const { phase, positions } = this.states[state]!;
    // A new transition costs in proportion to the positions it moves (and the closure it builds).
    this.budget.left -= 4 * positions.length + 1;
    const patterns = phase === 0 ? this.shape.actions : this.shape.resources;
    const table = phase === 0 ? this.actionPositions : this.resourcePositions;
    if (symbol === SEP) {
      if (phase === 1) return DEAD;
      const actionMatched = this.atEnd(patterns, table, positions);
      if (actionMatched === this.shape.negated) return DEAD;
      const resources = this.shape.resources;
      return this.intern(
        1,
        this.closure(
          resources,
          resources.map((_, i) => [i, 0] as [number, number]),
          this.resourcePositions,
        ),
      );
    }
    const c = phase === 0 ? symbol.toLowerCase() : symbol;
    const moved: [number, number][] = [];
    for (const index of positions) {
      const [p, j] = table[index]!;
      const token = patterns[p]![j];
      if (token === undefined) continue;
      if (token === "*") moved.push([p, j]);
      else if (token === "?" || token === c) moved.push([p, j + 1]);
    }
    return this.intern(phase, this.closure(patterns, moved, table));
  }
}

function alphabet(shapes: Shape[]): string[] {
  const chars = new Set<string>();
  for (const shape of shapes) {
    for (const pattern of [...shape.actions, ...shape.resources]) {
      for (const c of pattern) if (c !== "*" && c !== "?") chars.add(c);
    }
  }
  // One character no pattern names stands for all such characters, which behave alike.
  let other = 0x21;
  while (chars.has(String.fromCharCode(other)) || chars.has(String.fromCharCode(other).toLowerCase())) other++;
  return [SEP, ...chars, String.fromCharCode(other)];
}

/**
 * Whether everything `subject` allows (less what `subjectDenies` removes) is allowed by `allows`
 * and untouched by `denies`. Exact, or "not contained" when the search exceeds its bound.
 */
const sameShape = (a: Shape, b: Shape) =>
  a.negated === b.negated && a.actions.join("\n") === b.actions.join("\n") && a.resources.join("\n") === b.resources.join("\n");

export function contains(
  holder: { allows: Shape[]; denies: Shape[] },
  subject: Shape,
  subjectDenies: Shape[] = [],
  budget: Budget = newBudget(),
): ContainmentResult {
  // Handing on a statement one holds, with nothing denied, needs no search.
  if (holder.denies.length === 0 && holder.allows.some((allow) => sameShape(allow, subject))) return { contained: true };
  const automata = [subject, ...subjectDenies, ...holder.allows, ...holder.denies].map((s) => new StatementAutomaton(s, budget));
  const symbols = alphabet([subject, ...subjectDenies, ...holder.allows, ...holder.denies]);
  const ranges = {
    subjectDenies: [1, 1 + subjectDenies.length],
    allows: [1 + subjectDenies.length, 1 + subjectDenies.length + holder.allows.length],
    denies: [1 + subjectDenies.length + holder.allows.length, automata.length],
  } as const;
  const anyAccepts = (tuple: number[], [from, to]: readonly [number, number]) => {
    for (let i = from; i < to; i++) if (automata[i]!.accepts(tuple[i]!)) return true;
    return false;
  };
  const counterexample = (tuple: number[]) =>
    automata[0]!.accepts(tuple[0]!) && !anyAccepts(tuple, ranges.subjectDenies) && (!anyAccepts(tuple, ranges.allows) || anyAccepts(tuple, ranges.denies));

  const start = automata.map((a) => a.initial);
  const seen = new Map<string, { parent: string | null; symbol: string }>([[start.join(","), { parent: null, symbol: "" }]]);
  let frontier: number[][] = [start];
  while (frontier.length > 0) {
    const next: number[][] = [];
    for (const tuple of frontier) {
      const key = tuple.join(",");
      if (counterexample(tuple)) return { contained: false, witness: witness(seen, key) };
      budget.left -= automata.length * symbols.length;
      if (budget.left < 0) {
        return { contained: false, witness: null, undecided: true };
      }
      for (const symbol of symbols) {
        const first = automata[0]!.step(tuple[0]!, symbol);
        if (first === DEAD) continue;
        const moved = automata.map((a, i) => (i === 0 ? first : a.step(tuple[i]!, symbol)));
        const movedKey = moved.join(",");
        if (seen.has(movedKey)) continue;
        // Memory is bounded too: a huge frontier costs collection pauses the work count cannot see.
        if (seen.size >= MAX_STATES) return { contained: false, witness: null, undecided: true };
        seen.set(movedKey, { parent: key, symbol });
        next.push(moved);
      }
    }
    frontier = next;
  }
  return { contained: true };
}

function witness(seen: Map<string, { parent: string | null; symbol: string }>, key: string): Counterexample {
  const symbols: string[] = [];
  for (let at: string | null = key; at !== null; ) {
    const entry: { parent: string | null; symbol: string } = seen.get(at)!;
    if (entry.parent !== null) symbols.push(entry.symbol);
    at = entry.parent;
  }
  symbols.reverse();
  const split = symbols.indexOf(SEP);
  return { action: symbols.slice(0, split).join(""), resource: symbols.slice(split + 1).join("") };
}
