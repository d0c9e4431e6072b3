import { Arg, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root, Authorized } from 'type-graphql';
import { ApprovalDocument } from './approval-document.entity';
import { AdmissionApplication } from './application.entity';
import { ApplicationStatus, VerificationResult } from './enums';
import { Community } from '../geography/community.entity';
import type { Context } from '../kernel/context';
import { chinaDate } from '../kernel/dates';
import { Region } from '../geography/region.entity';
import { codeMatches, documentSigningKey, verificationCode } from './document-signature';

@ObjectType({ description: '批准文书核验结果：该事项今日能否进入本村（社区），不能时说明原因。Verification of an approval document.' })
export class ApprovalVerification {
  @Field({ description: '今日是否可以进入。Whether the item may enter today.' })
  valid!: boolean;

  @Field(() => VerificationResult, { description: '结果代码。Result code.' })
  result!: VerificationResult;

  @Field({ description: '说明（中文）。Explanation in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Explanation in English.' })
  messageEn!: string;

  @Field(() => ApprovalDocument, { nullable: true, description: '文书（文号存在时）。The document, when the number exists.' })
  document?: ApprovalDocument | null;

  @Field(() => Community, { nullable: true, description: '核验的村（社区）。The community checked.' })
  community?: Community | null;

  @Field(() => Boolean, { nullable: true, description: '所给核验码是否与该文书相符（不符说明文书被伪造或篡改）；未提供核验码时为空。Whether the given verification code matches; null when none was given.' })
  codeMatches?: boolean | null;
}

const MESSAGES: Record<VerificationResult, [string, string]> = {
  VALID: ['批准文书有效，该事项今日可以进入本村（社区）。', 'The document is valid: the item may enter this community today.'],
  UNKNOWN_NUMBER: ['查无此批准文书文号，可拒绝执行并举报。', 'No such document number: the community may refuse and report.'],
  UNKNOWN_COMMUNITY: ['村（社区）代码不存在。', 'No community with this code.'],
  NOT_YET_VALID: ['批准文书尚未生效。', 'The document is not valid yet.'],
  EXPIRED: ['批准文书已过有效期，事项应退出。', 'The document has expired: the item should leave.'],
  REVOKED: ['批准文书已撤销，事项应退出。', 'The document was revoked: the item should leave.'],
  NOT_IN_EFFECT: ['该事项已完成或尚未实施，不应再要求村（社区）办理。', 'The item is completed or not in effect.'],
  OUT_OF_SCOPE: ['本村（社区）不在批准范围内，可拒绝执行。', 'This community is outside the approved scope: it may refuse.'],
};

/** Whether a work item holding document `number` may enter community `communityCode` today, and why not. */
export async function verifyDocument(ctx: Pick<Context, 'em'>, number: string, communityCode: string, today = chinaDate()): Promise<ApprovalVerification> {
  const answer = (result: VerificationResult, document: ApprovalDocument | null, community: Community | null): ApprovalVerification => ({
    valid: result === VerificationResult.VALID,
    result,
    message: MESSAGES[result][0],
    messageEn: MESSAGES[result][1],
    document,
    community,
  });
  // Anyone holding a printed document may check it, whoever's jurisdiction it is in: the
  // answer is the document's public face (number, scope, validity), read past the filter.
  const [document, community] = await Promise.all([
    ctx.em.findOne(ApprovalDocument, { number: number.trim() }, { filters: false }),
    ctx.em.findOne(Community, { code: communityCode.trim() }),
  ]);
  if (!document) return answer(VerificationResult.UNKNOWN_NUMBER, null, community);
  if (!community) return answer(VerificationResult.UNKNOWN_COMMUNITY, document, null);
  if (document.revokedAt) return answer(VerificationResult.REVOKED, document, community);
  if (document.validUntil && document.validUntil < today) return answer(VerificationResult.EXPIRED, document, community);
  if (document.validFrom > today) return answer(VerificationResult.NOT_YET_VALID, document, community);
  const app = await ctx.em.findOneOrFail(AdmissionApplication, { id: document.application.id }, { filters: false });
  if (![ApplicationStatus.APPROVED, ApplicationStatus.IN_EFFECT, ApplicationStatus.EMERGENCY_IN_EFFECT].includes(app.status)) {
    return answer(app.status === ApplicationStatus.REVOKED ? VerificationResult.REVOKED : VerificationResult.NOT_IN_EFFECT, document, community);
  }
  if (!document.communityIds.includes(community.id)) return answer(VerificationResult.OUT_OF_SCOPE, document, community);
  return answer(VerificationResult.VALID, document, community);
}

@Resolver(() => ApprovalDocument)
export class ApprovalDocumentResolver {
  @Authorized()
  @Query(() => ApprovalVerification, { description: '村（社区）工作者核验批准文书：该事项今日能否进入本村（社区）。Verify an approval document for a community.' })
  async verifyApprovalDocument(
    @Ctx() ctx: Context,
    @Arg('number', { description: '批准文书文号，如 青社工准〔2026〕12号。Document number.' }) number: string,
    @Arg('communityCode', { description: '12 位村（社区）代码。Community code.' }) communityCode: string,
    @Arg('verificationCode', () => String, { nullable: true, description: '文书上印的核验码（16 位，可带连字符），用于核对纸质文书。The verification code printed on the document.' }) code?: string | null,
  ): Promise<ApprovalVerification> {
    const answer = await verifyDocument(ctx, number.slice(0, 100), communityCode.slice(0, 12));
    if (code != null) {
      const doc = answer.document;
      const county = doc ? await ctx.loaders.byId(Region).load(doc.county.id) : null;
      answer.codeMatches = !!doc && !!county && codeMatches(documentSigningKey(ctx.config), doc, county.code, code.slice(0, 64));
    }
    return answer;
  }

  @Authorized()
  @Query(() => ApprovalDocument, { nullable: true, description: '按文号取批准文书。An approval document by number.' })
  approvalDocument(@Ctx() ctx: Context, @Arg('number', { description: '文号。Document number.' }) number: string): Promise<ApprovalDocument | null> {
    return ctx.em.findOne(ApprovalDocument, { number: number.trim().slice(0, 100) });
  }

  @FieldResolver(() => AdmissionApplication, { nullable: true, description: '对应的准入申请（核验他县文书或未登录核验时为空）。The application; null when it is outside your jurisdiction (e.g. verifying another county’s document).' })
  async application(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return (await ctx.loaders.byId(AdmissionApplication).load(doc.application.id)) ?? null;
  }

  @FieldResolver(() => String, { description: '核验码：对文号、县、有效期和批准范围的签名（HMAC），印在文书上供核对。Verification code (HMAC over number, county, validity and scope), printed on the document.' })
  async verificationCode(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<string> {
    const county = await ctx.loaders.byId(Region).load(doc.county.id);
    return verificationCode(documentSigningKey(ctx.config), doc, county!.code);
  }

  @FieldResolver(() => Boolean, { description: '今日是否在有效期内且未撤销。Valid today.' })
  validToday(@Root() doc: ApprovalDocument): boolean {
    const today = chinaDate();
    return !doc.revokedAt && doc.validFrom <= today && (!doc.validUntil || doc.validUntil >= today);
  }
}
