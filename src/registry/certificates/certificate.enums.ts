import { defineEnum } from '../../kernel/enums';

/* Enums of Certificates 证明事项, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum RequesterKind {
  RESIDENT = 'RESIDENT',
  ENTERPRISE = 'ENTERPRISE',
  GOVERNMENT = 'GOVERNMENT',
  OTHER = 'OTHER',
}
defineEnum(RequesterKind, 'RequesterKind', '证明的申请方类别。Who asks for a certificate.', {
  RESIDENT: ['居民个人', 'A resident'],
  ENTERPRISE: ['企业单位', 'An enterprise'],
  GOVERNMENT: ['机关、事业单位', 'A government body or public institution'],
  OTHER: ['其他组织', 'Another organisation'],
});

export enum IssuanceOutcome {
  ISSUED = 'ISSUED',
  REFUSED = 'REFUSED',
}
defineEnum(IssuanceOutcome, 'IssuanceOutcome', '出具证明的结果。Outcome of a certificate request.', {
  ISSUED: ['已出具', 'Issued'],
  REFUSED: ['不予出具', 'Refused'],
});

export enum CertificateRefusalReason {
  ABOLISHED = 'ABOLISHED',
  ENTERPRISE_OWN_BUSINESS = 'ENTERPRISE_OWN_BUSINESS',
  NOT_ON_LIST = 'NOT_ON_LIST',
  CANNOT_VERIFY = 'CANNOT_VERIFY',
}
defineEnum(CertificateRefusalReason, 'CertificateRefusalReason', '不予出具证明的原因。Why a certificate request was refused.', {
  ABOLISHED: ['该证明事项已取消（万能章专项治理）', 'The certificate has been abolished'],
  ENTERPRISE_OWN_BUSINESS: [
    '严禁企业单位为自身生产经营活动要求村（社区）出具证明',
    'Enterprises may not ask communities for certificates for their own business',
  ],
  NOT_ON_LIST: ['不在本县村（社区）出具证明清单内', 'Not on the county’s list of certificates communities issue'],
  CANNOT_VERIFY: ['村（社区）没有能力核实该事项', 'The community cannot verify it'],
});
