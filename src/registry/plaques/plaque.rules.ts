import { PlaqueAuthority, PlaqueStatus } from './plaque.enums';
import { labelOf } from '../../kernel/enums';

export interface PlaqueFacts {
  id: number;
  name: string;
  authority: PlaqueAuthority;
  authorizingDocument: string | null;
  status: PlaqueStatus;
}

export interface PlaqueProposal {
  plaqueId: number;
  message: string;
  messageEn: string;
}

/** Only the Party Central Committee / State Council or the provincial committee / government can justify a plaque. */
export const hasCentralOrProvincialBasis = (p: Pick<PlaqueFacts, 'authority' | 'authorizingDocument'>) =>
  (p.authority === PlaqueAuthority.CENTRAL || p.authority === PlaqueAuthority.PROVINCIAL) && !!p.authorizingDocument?.trim();

/**
 * 应撤尽撤: a kept plaque with no central or provincial document is proposed for removal
 * (凡是党中央、国务院和省委、省政府没有明确规定的牌子一律取消). Null when it may stay.
 */
export function plaqueRemovalProposal(p: PlaqueFacts): PlaqueProposal | null {
  if (p.status !== PlaqueStatus.KEPT || hasCentralOrProvincialBasis(p)) return null;
  const why = p.authorizingDocument?.trim() ? `依据仅为“${p.authorizingDocument.trim()}”（${labelOf(PlaqueAuthority, p.authority).zh}）` : '没有设立依据';
  return {
    plaqueId: p.id,
    message: `“${p.name}”${why}，党中央、国务院和省委、省政府没有明确规定，建议摘除。`,
    messageEn: `“${p.name}” has no central or provincial authorization: remove it.`,
  };
}
