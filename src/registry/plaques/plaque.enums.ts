import { defineEnum } from '../../kernel/enums';

/* Enums of Plaques 挂牌, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum PlaqueStatus {
  KEPT = 'KEPT',
  TO_REMOVE = 'TO_REMOVE',
  REMOVED = 'REMOVED',
}
defineEnum(PlaqueStatus, 'PlaqueStatus', '挂牌状态。Status of a plaque.', {
  KEPT: ['保留', 'Kept'],
  TO_REMOVE: ['待摘除', 'To be removed'],
  REMOVED: ['已摘除', 'Removed'],
});

export enum PlaqueAuthority {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  LOCAL = 'LOCAL',
  NONE = 'NONE',
}
defineEnum(PlaqueAuthority, 'PlaqueAuthority', '挂牌依据的层级。Level of a plaque’s authorization.', {
  CENTRAL: ['党中央、国务院明确规定', 'Required by the Party Central Committee or the State Council'],
  PROVINCIAL: ['省委、省政府明确规定', 'Required by the provincial Party committee or government'],
  LOCAL: ['仅有市县或部门文件（不足以保留）', 'Only a city, county or department document (not enough)'],
  NONE: ['无依据', 'No authorization'],
});
