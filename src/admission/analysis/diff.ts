/**
 * What changed in a reworded application: a word-level diff (jieba words, jsdiff's
 * diffArrays) of the text that was blocked against the text now, as segments a front end
 * can colour (EQUAL, DELETE, INSERT). Deterministic.
 */
import { diffArrays } from 'diff';
import { cut } from './segmenter';
import { normalise } from './text';

export type DiffOp = 'EQUAL' | 'DELETE' | 'INSERT';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export function textDiff(before: string, after: string): DiffSegment[] {
  const parts = diffArrays(cut(normalise(before)), cut(normalise(after)));
  const out: DiffSegment[] = [];
  for (const p of parts) {
    const op: DiffOp = p.added ? 'INSERT' : p.removed ? 'DELETE' : 'EQUAL';
    const text = p.value.join('');
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) out.push({ op, text });
  }
  return out;
}
