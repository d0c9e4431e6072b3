/**
 * Similarity of segmented texts: TF-IDF weighted cosine over content words, with inverse
 * document frequencies from a reference corpus (the county's list items and their
 * examples). Deterministic; a vector is a Map from word to weight.
 */
import { contentWords } from './text';

export type Vector = Map<string, number>;

export class Corpus {
  private readonly df = new Map<string, number>();
  private docs = 0;

  constructor(texts: Iterable<string> = []) {
    for (const t of texts) this.add(t);
  }

  add(text: string): void {
    this.docs++;
    for (const w of new Set(contentWords(text))) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  idf(word: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(word) ?? 0) + 1)) + 1;
  }

  vector(text: string | string[]): Vector {
    const words = Array.isArray(text) ? text : contentWords(text);
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: Vector = new Map();
    for (const [w, n] of tf) v.set(w, (1 + Math.log(n)) * this.idf(w));
    return v;
  }
}

const norms = new WeakMap<Vector, number>();
function norm(v: Vector): number {
  let n = norms.get(v);
  if (n === undefined) {
    n = 0;
    for (const x of v.values()) n += x * x;
    n = Math.sqrt(n);
    norms.set(v, n);
  }
  return n;
}

export function cosine(a: Vector, b: Vector): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y) dot += x * y;
  }
  return dot ? dot / (norm(a) * norm(b)) : 0;
}

/** The words two vectors share, heaviest first (for evidence). */
export function sharedWords(a: Vector, b: Vector, max = 6): string[] {
  return [...a.entries()]
    .filter(([w]) => b.has(w))
    .sort((x, y) => y[1] * b.get(y[0])! - x[1] * b.get(x[0])!)
    .slice(0, max)
    .map(([w]) => w);
}
