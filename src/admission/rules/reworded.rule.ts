import { FindingSeverity } from '../enums';
import { labelOf } from './codes';
import type { Finding, Rule } from './types';

/**
 * No evasion by rewording (WARNING): an application edited after a blocking finding shows
 * the reviewer what blocked it and what changed (the full diff is on the application:
 * `rewordings`). The warning must be acknowledged like any other.
 */
export const rewordedRule: Rule = {
  code: 'REWORDED_AFTER_BLOCK',
  severity: FindingSeverity.WARNING,
  description: '被阻断后修改了事项名称或内容的申请，向审核人员展示此前的阻断发现和文字改动。',
  check(app): Finding[] {
    const last = app.lastBlocked;
    if (!last) return [];
    if (last.title === app.title && last.description === app.description && (last.evaluation ?? null) === (app.evaluation ?? null)) return [];
    const codes = [...new Set(last.findings.map((f) => f.code))];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `本申请曾因${codes.map((c) => `${c}（${labelOf(c).zh}）`).join('、')}被阻断（${last.at.slice(0, 10)}），此后修改了表述；请对照此前的发现和文字改动审核。`,
        messageEn: `This application was blocked (${codes.join(', ')}) and has been reworded since; compare with the earlier findings and the text changes.`,
        evidence: last.findings.flatMap((f) => [
          { kind: 'PreviousFinding', id: null, label: `${f.code}（${labelOf(f.code).zh}）：${f.message}` },
          ...f.evidence.slice(0, 2).map((e) => ({ kind: 'PreviousEvidence', id: null, label: e })),
        ]),
      },
    ];
  },
};
