import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateType } from '../../catalogue';
import type { Region } from '../../geography';

/**
 * The demo county's list of certificates communities may issue (出具证明清单), with the
 * ones abolished in the 万能章 clean-up still recorded so requests for them can be refused.
 */
export const DEMO_CERTIFICATES: Array<{ name: string; legalBasis: string | null; communityCanVerify: boolean; abolishedOn?: string; abolishedBy?: string }> = [
  { name: '居住证明', legalBasis: '《居住证暂行条例》', communityCanVerify: true },
  { name: '最低生活保障家庭经济状况调查意见', legalBasis: '《社会救助暂行办法》', communityCanVerify: true },
  { name: '临时救助申请审核意见', legalBasis: '《社会救助暂行办法》', communityCanVerify: true },
  { name: '特困人员供养申请调查意见', legalBasis: '《社会救助暂行办法》', communityCanVerify: true },
  { name: '高龄津贴申领人居住情况证明', legalBasis: '《四川省老年人权益保障条例》', communityCanVerify: true },
  { name: '村（居）民委员会成员身份证明', legalBasis: '《中华人民共和国村民委员会组织法》', communityCanVerify: true },
  { name: '亲属关系证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '健在证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '婚姻状况证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '无犯罪记录证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '房屋产权证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '出生证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '企业经营场所证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
  { name: '失业证明', legalBasis: null, communityCanVerify: false, abolishedOn: '2023-06-30', abolishedBy: '青府办发〔2023〕15号' },
];

export function seedDemoCertificates(em: EntityManager, county: Region): void {
  for (const c of DEMO_CERTIFICATES) {
    em.create(CertificateType, {
      county,
      name: c.name,
      legalBasis: c.legalBasis,
      communityCanVerify: c.communityCanVerify,
      abolishedOn: c.abolishedOn ?? null,
      abolishedBy: c.abolishedBy ?? null,
    });
  }
}
