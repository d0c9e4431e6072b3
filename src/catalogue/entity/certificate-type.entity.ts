import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Region } from '../../geography';
import { Department } from '../../organisation';

/**
 * A certificate (证明事项) on a county's list of certificates communities may issue
 * (出具证明清单). Abolished ones (万能章 clean-up) carry the date and the document that
 * abolished them, and must be refused.
 */
@ObjectType({ implements: Node, description: '证明事项：村（社区）可出具证明清单中的一项。A certificate type.' })
@Entity({ tableName: 'certificate_type' })
@Unique({ properties: ['county', 'name'] })
export class CertificateType extends BaseEntity<'communityCanVerify'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict', index: true })
  county!: Ref<Region>;

  @Field({ description: '证明名称。Name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: '用途与适用情形。What it is used for.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** The department whose procedures use the certificate, when known (registry migration). */
  @ManyToOne(() => Department, { ref: true, nullable: true, deleteRule: 'restrict' })
  department?: Ref<Department> | null;

  @Field(() => String, { nullable: true, description: '设定依据。Legal basis.' })
  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;

  @Field({ description: '村（社区）是否有能力核实。Whether the community can verify it.' })
  @Property({ type: 'boolean', default: true })
  communityCanVerify: boolean = true;

  @Field(() => String, { nullable: true, description: '取消日期（已取消的证明事项）。Date abolished.' })
  @Property({ type: 'date', nullable: true })
  abolishedOn?: string | null;

  @Field(() => String, { nullable: true, description: '取消依据文件。Document that abolished it.' })
  @Property({ type: 'text', nullable: true })
  abolishedBy?: string | null;
}
