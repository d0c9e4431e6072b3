import { defineEnum } from '../../kernel/enums';

/* Enums of Purchase of services 政府购买服务, each with its Chinese and English labels (src/kernel/enums.ts). */

export enum ServiceContractStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}
defineEnum(ServiceContractStatus, 'ServiceContractStatus', '购买服务合同状态。Status of a service contract.', {
  ACTIVE: ['履行中', 'In force'],
  COMPLETED: ['已验收完成', 'Completed'],
  TERMINATED: ['已终止', 'Terminated'],
});
