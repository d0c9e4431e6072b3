/**
 * npm run eval:rules -- <cases.jsonl> [--every N --offset K] [--json] [--quiet] [--check]
 *
 * Runs the real admission rules over a corpus of labelled applications (format:
 * ../shared/admission-cases/README.md) in the demo county 青衣县's context as the seed
 * publishes it (lists with their reviewers' vocabulary, data elements, certificates) —
 * in-process, no database, no HTTP — and prints every case the engine decides
 * differently from its label, then the three measures:
 *
 *   negative recall    non-admissible cases that get a blocking finding
 *   false blocks       admissible cases that get one
 *   category accuracy  blocked negative-list cases whose finding's evidence names the right
 *                      category first (the strongest item); "any" also counts it named later
 *
 * --every N --offset K evaluates only cases N·i + K (a held-out slice). --check exits 1
 * when a measure misses its target (recall ≥ 95 %, false blocks ≤ 3 %, category ≥ 90 %).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { runRules, hasBlocking } from '../src/admission/engine';
import { estimateBurden } from '../src/admission/burden';
import { ApplicationKind, FindingSeverity, LedgerFormat, type LedgerFrequency } from '../src/admission/enums';
import type { ApplicationFacts, Finding } from '../src/admission/rules';
import type { WorkCategory } from '../src/catalogue';
import { DEMO_COMMUNITY_COUNT, demoCommunitiesOf, demoRuleContext } from '../src/db/seed/demo-rule-context';

interface Case {
  id: string;
  application: Record<string, any>;
  expect: { admissible: boolean; negativeCategory: string | null; blockingCodes: string[] };
  why?: string;
}

const NEGATIVE_CODES = new Set(['NEGATIVE_LIST', 'NEGATIVE_AS_PURCHASE']);

function args(argv: string[]) {
  const files: string[] = [];
  const opts = { every: 1, offset: 0, json: false, quiet: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--every') opts.every = Number(argv[++i]);
    else if (a === '--offset') opts.offset = Number(argv[++i]);
    else if (a === '--json') opts.json = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--check') opts.check = true;
    else files.push(a);
  }
  return { files, ...opts };
}

/** ApplicationInput (with its defaults) → the facts the rules see, as the service builds them. */
export function factsOfCase(a: Record<string, any>): ApplicationFacts {
  const ledgers = (a.ledgers ?? []).map((l: any) => ({
    name: String(l.name ?? ''),
    frequency: l.frequency as LedgerFrequency,
    expectedPerYear: l.expectedPerYear ?? null,
    minutesPerFiling: Number(l.minutesPerFiling ?? 0),
    format: (l.format ?? LedgerFormat.ELECTRONIC) as LedgerFormat,
    dataElementCodes: l.dataElementCodes ?? [],
  }));
  const scope = a.scopeType ?? 'COUNTY';
  const communities =
    scope === 'COMMUNITIES'
      ? Math.max(1, (a.communityIds ?? []).length)
      : scope === 'TOWNSHIPS'
        ? Math.max(1, demoCommunitiesOf(a.townshipIds ?? []) || 12 * Math.max(1, (a.townshipIds ?? []).length))
        : DEMO_COMMUNITY_COUNT;
  const communityIds = Array.from({ length: communities }, (_, i) => i + 1);
  const burden = estimateBurden({
    ledgers,
    meetingHoursPerYear: Number(a.meetingHoursPerYear ?? 0),
    inspectionHoursPerYear: Number(a.inspectionHoursPerYear ?? 0),
    dataEntryHoursPerYear: Number(a.dataEntryHoursPerYear ?? 0),
    communities,
  });
  return {
    id: null,
    title: String(a.title ?? '').trim(),
    description: String(a.description ?? '').trim(),
    kind: a.kind as ApplicationKind,
    category: a.category as WorkCategory,
    listItemId: null,
    legalBasis: (a.legalBasis ?? []).map((b: string) => String(b).trim()).filter(Boolean),
    fundingAmount: Number(a.fundingAmount ?? 0),
    ledgers,
    dataElementCodes: a.dataElementCodes ?? [],
    wantsTerminal: !!a.wantsTerminal,
    wantsApp: !!a.wantsApp,
    appName: a.appName ?? null,
    integratedWithPlatform: !!a.integratedWithPlatform,
    certificates: a.certificates ?? [],
    evaluation: a.evaluation ?? null,
    oneVoteVeto: !!a.oneVoteVeto,
    requiresQualification: !!a.requiresQualification,
    requiresEnforcementPower: !!a.requiresEnforcementPower,
    departmentId: 0,
    communityIds,
    burdenHoursPerYear: burden.hoursPerYear,
    periodStart: a.periodStart ?? null,
    periodEnd: a.periodEnd ?? null,
    personnelSupport: a.personnelSupport ?? null,
    trainingSupport: a.trainingSupport ?? null,
    fundingFlow: a.fundingFlow ?? null,
    lastBlocked: null,
  };
}

export interface CaseResult {
  id: string;
  expect: Case['expect'];
  blocked: boolean;
  blockingCodes: string[];
  category: string | null;
  categories: string[];
  findings: Finding[];
  ms: number;
  ok: boolean;
}

export interface Measures {
  cases: number;
  nonAdmissible: number;
  caught: number;
  admissible: number;
  falselyBlocked: number;
  categoryCases: number;
  categoryRight: number;
  categoryRightAny: number;
  codesExact: number;
  negativeRecall: number;
  falseBlockRate: number;
  categoryAccuracy: number;
  categoryAccuracyAny: number;
}

export function evaluateCases(cases: Case[], floor: number): { results: CaseResult[]; measures: Measures } {
  const ctx = demoRuleContext(floor);
  const results: CaseResult[] = [];
  for (const c of cases) {
    const t0 = process.hrtime.bigint();
    const findings = runRules(factsOfCase(c.application), ctx);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const blocking = findings.filter((f) => f.severity === FindingSeverity.BLOCKING);
    const negative = blocking.find((f) => NEGATIVE_CODES.has(f.code));
    const categories = (negative?.evidence ?? []).map((e) => e.category).filter((x): x is WorkCategory => !!x);
    const blocked = hasBlocking(findings);
    const category = categories[0] ?? null;
    const ok =
      blocked === !c.expect.admissible &&
      (!c.expect.negativeCategory || category === c.expect.negativeCategory) &&
      (!!c.expect.negativeCategory === !!negative || c.expect.admissible);
    results.push({ id: c.id, expect: c.expect, blocked, blockingCodes: [...new Set(blocking.map((f) => f.code))], category, categories, findings, ms, ok });
  }
  const nonAdm = results.filter((r) => !r.expect.admissible);
  const adm = results.filter((r) => r.expect.admissible);
  const cat = results.filter((r) => r.expect.negativeCategory && r.blocked);
  const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 0);
  const caught = nonAdm.filter((r) => r.blocked).length;
  const falselyBlocked = adm.filter((r) => r.blocked).length;
  const categoryRight = cat.filter((r) => r.category === r.expect.negativeCategory).length;
  const categoryRightAny = cat.filter((r) => r.categories.includes(r.expect.negativeCategory!)).length;
  const codesExact = results.filter((r) => [...r.blockingCodes].sort().join() === [...r.expect.blockingCodes].sort().join()).length;
  return {
    results,
    measures: {
      cases: results.length,
      nonAdmissible: nonAdm.length,
      caught,
      admissible: adm.length,
      falselyBlocked,
      categoryCases: cat.length,
      categoryRight,
      categoryRightAny,
      codesExact,
      negativeRecall: pct(caught, nonAdm.length),
      falseBlockRate: pct(falselyBlocked, adm.length),
      categoryAccuracy: pct(categoryRight, cat.length),
      categoryAccuracyAny: pct(categoryRightAny, cat.length),
    },
  };
}

export function readCases(file: string): Case[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l) as Case;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

function describe(r: CaseResult, c: Case): string {
  const want = c.expect.admissible ? '可准入' : `不予准入 ${c.expect.negativeCategory ?? ''} [${c.expect.blockingCodes.join(', ')}]`;
  const got = r.blocked ? `阻断 ${r.category ?? ''} [${r.blockingCodes.join(', ')}]` : '未阻断';
  const lines = [`✗ ${c.id} 《${c.application.title}》 期望 ${want}；引擎 ${got}`];
  for (const f of r.findings.filter((x) => x.severity === FindingSeverity.BLOCKING || x.code === 'NEGATIVE_LOOKALIKE')) {
    lines.push(`    ${f.code}: ${f.message}`);
    for (const e of f.evidence.slice(0, 3)) lines.push(`      · ${e.label.slice(0, 220)}`);
  }
  if (c.why) lines.push(`    标注理由：${c.why}`);
  return lines.join('\n');
}

function main() {
  const opts = args(process.argv.slice(2));
  if (!opts.files.length) {
    console.error('usage: npm run eval:rules -- <cases.jsonl> [--every N --offset K] [--json] [--quiet] [--check]');
    process.exit(2);
  }
  const config = loadConfig();
  let failed = false;
  for (const file of opts.files) {
    const all = readCases(path.resolve(file));
    const cases = all.filter((_, i) => i % opts.every === opts.offset % opts.every);
    const { results, measures } = evaluateCases(cases, config.fundingFloorYuanPerHour);
    if (opts.json) {
      console.log(
        JSON.stringify({
          file,
          measures,
          mismatches: results
            .filter((r) => !r.ok)
            .map((r) => ({ id: r.id, expect: r.expect, blocked: r.blocked, category: r.category, blockingCodes: r.blockingCodes })),
        }),
      );
      continue;
    }
    const byId = new Map(cases.map((c) => [c.id, c]));
    if (!opts.quiet) for (const r of results.filter((x) => !x.ok)) console.log(describe(r, byId.get(r.id)!));
    const slice = opts.every > 1 ? `（每 ${opts.every} 条取第 ${opts.offset % opts.every} 条）` : '';
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`\n${file}${slice}: ${measures.cases} cases, ${results.filter((r) => !r.ok).length} decided differently from the label`);
    console.log(`  negative recall    ${measures.negativeRecall}%  (${measures.caught}/${measures.nonAdmissible} non-admissible cases blocked)   target ≥ 95%`);
    console.log(`  false blocks       ${measures.falseBlockRate}%  (${measures.falselyBlocked}/${measures.admissible} admissible cases blocked)   target ≤ 3%`);
    console.log(
      `  category accuracy  ${measures.categoryAccuracy}%  (${measures.categoryRight}/${measures.categoryCases} blocked negative-list cases, strongest item's category; any item: ${measures.categoryAccuracyAny}%)   target ≥ 90%`,
    );
    console.log(
      `  blocking codes exactly as labelled: ${measures.codesExact}/${measures.cases}; rules p50 ${ms[Math.floor(ms.length / 2)]?.toFixed(2)} ms, max ${ms[ms.length - 1]?.toFixed(2)} ms per case`,
    );
    if (measures.negativeRecall < 95 || measures.falseBlockRate > 3 || measures.categoryAccuracy < 90) failed = true;
  }
  if (opts.check && failed) process.exit(1);
}

if (require.main === module) main();
