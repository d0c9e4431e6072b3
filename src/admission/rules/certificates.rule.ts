import { toGlobalId } from '../../kernel/global-id';
import { FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** Abolished certificates may no longer be demanded from communities (万能章 clean-up) (BLOCKING). */
export const abolishedCertificateRule: Rule = {
  code: 'ABOLISHED_CERTIFICATE',
  severity: FindingSeverity.BLOCKING,
  description: '已取消的证明事项不得再要求村（社区）出具。',
  check(app, ctx): Finding[] {
    const wanted = new Set(app.certificates.map((c) => c.trim()));
    const abolished = ctx.certificates.filter((c) => c.abolishedOn && wanted.has(c.name));
    if (!abolished.length) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `要求村（社区）出具已取消的证明：${abolished.map((c) => `${c.name}（${c.abolishedBy ?? ''}${c.abolishedOn}取消）`).join('；')}`,
        messageEn: 'Demands certificates that have been abolished.',
        evidence: abolished.map((c) => ({ kind: 'CertificateType', id: toGlobalId('CertificateType', c.id), label: `${c.name}，${c.abolishedOn}取消` })),
      },
    ];
  },
};
