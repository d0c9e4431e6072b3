import { toGlobalId } from '../../kernel/global-id';
import { FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** 一次采集: data the platform already collects must be reused, not collected again (WARNING). */
export const dataAlreadyCollectedRule: Rule = {
  code: 'DATA_ALREADY_COLLECTED',
  severity: FindingSeverity.WARNING,
  description: '所需数据元平台已采集的，应共享复用，不得要求村（社区）重复采集。',
  check(app, ctx): Finding[] {
    const codes = new Set([...app.dataElementCodes, ...app.ledgers.flatMap((l) => l.dataElementCodes)]);
    const collected = ctx.dataElements.filter((e) => codes.has(e.code) && e.collectedOnPlatform);
    if (!collected.length) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `以下数据平台已采集，应通过共享获取：${collected.map((e) => `${e.name}（来源：${e.sourceSystem ?? '一体化政务服务平台'}）`).join('；')}`,
        messageEn: `The platform already collects ${collected.map((e) => e.code).join(', ')}; reuse it instead of collecting again.`,
        evidence: collected.map((e) => ({
          kind: 'DataElement',
          id: toGlobalId('DataElement', e.id),
          label: `${e.code} ${e.name}，来源：${e.sourceSystem ?? '一体化政务服务平台'}`,
        })),
      },
    ];
  },
};
