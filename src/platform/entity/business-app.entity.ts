import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../kernel/base.entity';
import { Department } from '../../organisation';

/**
 * A department's business application system (业务应用系统) as listed by the one-stop
 * platform. Written only by the sync workers (upserts keyed on `externalId`); a record
 * the platform no longer lists keeps its row with `deletedAt` set.
 */
@ObjectType({
  implements: Node,
  description: '业务应用系统：部门在村（社区）使用的应用，由一体化政务服务平台同步而来。A business app, synced from the one-stop platform.',
})
@Entity({ tableName: 'business_app' })
export class BusinessApp extends BaseEntity {
  @Field({ description: '平台上的应用标识（同步按此幂等更新）。Id on the platform.' })
  @Property({ type: 'varchar', length: 128, unique: true })
  externalId!: string;

  @Field({ description: '应用名称。Name.' })
  @Property({ type: 'text' })
  name!: string;

  /** Matched by unified social credit code, else by an unambiguous full name; null when neither matches. */
  @ManyToOne(() => Department, { ref: true, nullable: true, index: true, deleteRule: 'set null' })
  department?: Ref<Department> | null;

  @Field({ description: '平台登记的主管部门名称。Owning department as the platform names it.' })
  @Property({ type: 'text' })
  departmentName!: string;

  @Field(() => String, { nullable: true, description: '平台登记的主管部门统一社会信用代码。Owning department credit code, as the platform reports it.' })
  @Property({ type: 'varchar', length: 18, nullable: true })
  departmentUscc?: string | null;

  @Field({ description: '是否已接入一体化政务服务平台（可在统一终端上办理）。Integrated into the one-stop platform.' })
  @Property({ type: 'boolean' })
  integrated!: boolean;

  @Field({ description: '是否需要村（社区）自行操作。Whether communities must operate it.' })
  @Property({ type: 'boolean' })
  usedByCommunities!: boolean;

  @Field(() => Date, { description: '平台上的最后修改时间。Last changed on the platform.' })
  @Property({ type: 'timestamptz' })
  platformUpdatedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: '平台已删除（或全量核对时不再列出）的时间；为空表示仍在用。When the platform deleted it; null while it exists.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}
