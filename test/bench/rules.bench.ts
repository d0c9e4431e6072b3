/**
 * npm run bench:rules — how long the admission engine takes to read one application.
 *
 * Builds applications of about 2,000 characters from the sentences of the project's own
 * labelled cases (test/fixtures/admission-cases.jsonl), each a different mix, and times
 * in-process (no database, no HTTP; the demo county's lists as seeded):
 *
 *   - the text analysis alone (segmentation, clause context, negative items, legal basis,
 *     evaluation clauses, professional work, list-item link): `analyse()`;
 *   - every rule (`runRules()`), which includes the analysis.
 *
 * Prints p50 / p95 / p99 / max in milliseconds and the characters per application. The
 * segmenter's one-off start (loading jieba's dictionary, ~0.2 s) is timed separately.
 * Target: p95 < 20 ms for the analysis of a 2,000-character application.
 * BENCH_RULES_APPS (default 400) sets how many applications are read.
 */
import path from 'node:path';
import { readCases, factsOfCase } from '../../scripts/eval-rules';
import { analyse } from '../../src/admission/analysis';
import { segmenter } from '../../src/admission/analysis/segmenter';
import { runRules } from '../../src/admission/engine';
import { demoRuleContext } from '../../src/db/seed/demo-rule-context';

const N = Number(process.env.BENCH_RULES_APPS || 400);
const TARGET_CHARS = 2000;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main() {
  const t0 = process.hrtime.bigint();
  segmenter();
  const startMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const cases = readCases(path.join(__dirname, '..', 'fixtures', 'admission-cases.jsonl'));
  const sentences = cases.flatMap((c) =>
    String(c.application.description)
      .split(/(?<=。)/)
      .filter((s) => s.length > 8),
  );
  const ctx = demoRuleContext(20);
  // a deterministic mix: application i takes sentences i, i+7, i+14, … until ~2,000 characters
  const apps = Array.from({ length: N }, (_, i) => {
    let text = '';
    for (let k = 0; text.length < TARGET_CHARS; k++) text += sentences[(i * 13 + k * 7) % sentences.length];
    const c = cases[i % cases.length].application;
    return { ...c, title: c.title, description: text.slice(0, 4900) };
  });

  const analysisMs: number[] = [];
  const rulesMs: number[] = [];
  const chars: number[] = [];
  // warm-up: JIT and the county model's corpus
  for (const a of apps.slice(0, 20)) runRules(factsOfCase(a), ctx);
  for (const a of apps) {
    const facts = factsOfCase(a);
    chars.push(facts.title.length + facts.description.length);
    let s = process.hrtime.bigint();
    analyse(facts, ctx);
    analysisMs.push(Number(process.hrtime.bigint() - s) / 1e6);
    const fresh = factsOfCase(a);
    s = process.hrtime.bigint();
    runRules(fresh, ctx);
    rulesMs.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const show = (label: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    console.log(
      `${label.padEnd(34)} p50 ${pct(s, 50).toFixed(2)} ms   p95 ${pct(s, 95).toFixed(2)} ms   p99 ${pct(s, 99).toFixed(2)} ms   max ${s[s.length - 1].toFixed(2)} ms`,
    );
    return pct(s, 95);
  };
  const c = [...chars].sort((a, b) => a - b);
  console.log(`bench:rules — ${N} applications of ${c[0]}–${c[c.length - 1]} characters (median ${pct(c, 50)}), demo county 青衣县, Node ${process.version}`);
  console.log(`segmenter start (jieba dictionary, once per process): ${startMs.toFixed(0)} ms`);
  const p95 = show('text analysis (analyse)', analysisMs);
  show('every rule (runRules)', rulesMs);
  console.log(`target: text analysis p95 < 20 ms — ${p95 < 20 ? 'met' : 'NOT met'}`);
}

main();
