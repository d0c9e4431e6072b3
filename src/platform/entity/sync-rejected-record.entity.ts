import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { SyncKind, SyncRun } from './sync-run.entity';
import { defineEnum } from '../../kernel/enums';

export enum SyncRejectionCode {
  MALFORMED = 'MALFORMED',
  UNKNOWN_COMMUNITY = 'UNKNOWN_COMMUNITY',
  UNKNOWN_APP = 'UNKNOWN_APP',
  UNKNOWN_DATA_ELEMENT = 'UNKNOWN_DATA_ELEMENT',
  DUPLICATE_NATURAL_KEY = 'DUPLICATE_NATURAL_KEY',
  PUSH_REFUSED = 'PUSH_REFUSED',
}
defineEnum(SyncRejectionCode, 'SyncRejectionCode', '拒收原因类别。Why a record was rejected.', {
  MALFORMED: ['记录格式不符合接口约定', 'Record does not match the contract'],
  UNKNOWN_COMMUNITY: ['村（社区）代码在本平台不存在', 'Unknown community code'],
  UNKNOWN_APP: ['引用的业务应用系统尚未同步', 'References a business app not synced yet'],
  UNKNOWN_DATA_ELEMENT: ['数据元编码不在数据元目录中', 'Unknown data element code'],
  DUPLICATE_NATURAL_KEY: ['同一数据元、村（社区）与统计期已有另一条数据', 'Another record holds the same data element, community and period'],
  PUSH_REFUSED: ['平台拒绝了推送', 'The platform refused the push'],
});

/**
 * Dead letter: a record a sync refused, with the reason and the record as received, so
 * nothing is half-imported and nothing is silently lost.
 */
@ObjectType({ implements: Node, description: '拒收记录（死信）：同步时拒收的记录、原因与原始内容。A record a sync rejected.' })
@Entity({ tableName: 'sync_rejected_record' })
export class SyncRejectedRecord extends BaseEntity {
  @ManyToOne(() => SyncRun, { ref: true, index: true, deleteRule: 'cascade' })
  syncRun!: Ref<SyncRun>;

  @Field(() => SyncKind, { description: '同步种类。Kind of sync.' })
  @Enum({ items: () => SyncKind, nativeEnumName: 'sync_kind' })
  kind!: SyncKind;

  @Field(() => String, { nullable: true, description: '平台记录标识（可识别时）。Platform id, when readable.' })
  @Property({ type: 'varchar', length: 200, nullable: true, index: true })
  externalId?: string | null;

  @Field(() => SyncRejectionCode, { description: '原因类别。Reason code.' })
  @Enum({ items: () => SyncRejectionCode, nativeEnumName: 'sync_rejection_code' })
  code!: SyncRejectionCode;

  @Field({ description: '原因说明。Reason.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: '收到的原始记录。The record as received.' })
  @Property({ type: 'jsonb', nullable: true })
  raw?: unknown;
}
