import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root, Authorized } from 'type-graphql';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { AdmissionApplication } from '../entity/application.entity';
import { VerificationResult } from '../enums';
import { Community } from '../../geography';
import type { Context } from '../../kernel/context';
import { chinaDate } from '../../kernel/dates';
import { Region, RegionLevel } from '../../geography';
import { badInput, notFound } from '../../kernel/errors';
import { audit } from '../../kernel/mutation';
import { DocumentSigningKey } from '../entity/signing-key.entity';
import { addCountyKey, publicKeys } from '../documents/signing-keys';
import { keyFingerprint, sm2PublicKeyPem } from '../../kernel/gm';
import { ensureSigned, payloadOf, typedSignature, verificationCode } from '../documents/document-signing';
import { documentState, holdsDocument, verifyApproval, type VerifyOutcome } from '../documents/verification';
import { latestRevocationList } from '../documents/revocation-list';

@ObjectType({ description: '批准文书核验结果：该事项今日能否进入本村（社区），不能时说明原因。Verification of an approval document.' })
export class ApprovalVerification {
  @Field({
    description:
      '今日是否可以进入（仅当文书真实、有效、在范围内且已核对核验码或签名时为真）。Whether the item may enter today: only when genuine, valid, in scope and its code or signature checked.',
  })
  valid!: boolean;

  @Field(() => VerificationResult, { description: '结果代码。Result code.' })
  result!: VerificationResult;

  @Field({ description: '说明（中文）。Explanation in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Explanation in English.' })
  messageEn!: string;

  @Field(() => ApprovalDocument, {
    nullable: true,
    description:
      '文书的公开信息（文号存在时）；核验码和签名只对持有者可见。The document’s public face, when the number exists; its code and signature only for holders.',
  })
  document?: ApprovalDocument | null;

  @Field(() => Community, { nullable: true, description: '核验的村（社区）。The community checked.' })
  community?: Community | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '所给核验码是否与该文书相符；未提供核验码时为空。Whether the given verification code matches; null when none was given.',
  })
  codeMatches?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'SM2 签名是否验证通过（所输签名、二维码中的签名或平台留存的签名）；无从验证时为空。Whether the SM2 signature verified; null when none could be checked.',
  })
  signatureValid?: boolean | null;

  @Field(() => Date, { description: '核验时间。When it was checked.' })
  checkedAt!: Date;
}

@ObjectType({ description: '某县已签名的批准文书撤销清单（供离线核验）。A county’s signed revocation list, for offline checks.' })
export class RevocationListInfo {
  @Field(() => Region, { description: '县。The county.' })
  county!: Region;

  @Field(() => Date, { description: '清单日期：离线核验结论“截至该日有效”。List date: offline checks are valid as of it.' })
  listDate!: Date;

  @Field(() => Int, { description: '条目数。Entries.' })
  entryCount!: number;

  @Field({ description: '签名密钥标识。Key id that signed it.' })
  keyId!: string;

  @Field({ description: '所签名的 JSON 原文（UTF-8）。The exact JSON text signed.' })
  body!: string;

  @Field({ description: 'SM2 签名（r‖s，base64url）。SM2 signature, r‖s, base64url.' })
  signature!: string;

  @Field({ description: '下载地址。Download URL (path).' })
  url!: string;
}

const outcome = (o: VerifyOutcome): ApprovalVerification => ({ ...o, result: o.result as VerificationResult });

@Resolver(() => ApprovalDocument)
export class ApprovalDocumentResolver {
  @Authorized()
  @Query(() => ApprovalVerification, {
    description:
      '村（社区）工作者核验批准文书：文号、本村（社区）代码，加文书上的核验码或签名。仅当文书真实有效时 valid 为真。Verify an approval document by number and community with the printed code or signature; valid only when genuine and valid.',
  })
  async verifyApprovalDocument(
    @Ctx() ctx: Context,
    @Arg('number', { description: '批准文书文号，如 青社工准〔2026〕12号。Document number.' }) number: string,
    @Arg('communityCode', { description: '12 位村（社区）代码。Community code.' }) communityCode: string,
    @Arg('verificationCode', () => String, {
      nullable: true,
      description: '文书上印的 16 位核验码（可带连字符）。The 16-character verification code printed on the document.',
    })
    code?: string | null,
    @Arg('signature', () => String, {
      nullable: true,
      description: '文书上印的 SM2 签名（103 位，可带连字符）。The SM2 signature printed on the document (103 characters).',
    })
    signature?: string | null,
  ): Promise<ApprovalVerification> {
    return outcome(await verifyApproval(ctx, { number, communityCode, code, signature }));
  }

  @Authorized()
  @Query(() => ApprovalVerification, { description: '按二维码内容核验批准文书（扫码所得 ZR1.… 文本）。Verify an approval document by its QR payload.' })
  async verifyApprovalPayload(
    @Ctx() ctx: Context,
    @Arg('payload', { description: '二维码内容（ZR1.…）。The QR payload.' }) payload: string,
    @Arg('communityCode', { description: '12 位村（社区）代码。Community code.' }) communityCode: string,
  ): Promise<ApprovalVerification> {
    return outcome(await verifyApproval(ctx, { payload, communityCode }));
  }

  @Authorized()
  @Query(() => ApprovalDocument, { nullable: true, description: '按文号取批准文书。An approval document by number.' })
  approvalDocument(@Ctx() ctx: Context, @Arg('number', { description: '文号。Document number.' }) number: string): Promise<ApprovalDocument | null> {
    return ctx.em.findOne(ApprovalDocument, { number: number.trim().slice(0, 100) });
  }

  @Authorized()
  @Query(() => [DocumentSigningKey], {
    description:
      '批准文书签名公钥（含已停用的，用于核验旧文书）；也可在 /approval-documents/keys.json 下载。Public keys that sign approval documents (retired ones too); also at /approval-documents/keys.json.',
  })
  async documentSigningKeys(
    @Ctx() ctx: Context,
    @Arg('countyCode', () => String, { nullable: true, description: '只列该县。Only this county.' }) countyCode?: string | null,
  ): Promise<DocumentSigningKey[]> {
    if (countyCode == null) return publicKeys(ctx.em);
    const county = await ctx.em.findOne(Region, { code: countyCode.slice(0, 12), level: RegionLevel.COUNTY });
    if (!county) throw notFound('该县', 'County');
    return publicKeys(ctx.em, [county.id]);
  }

  @Authorized()
  @Query(() => RevocationListInfo, { nullable: true, description: '某县最新的已签名撤销清单（离线核验用）。The latest signed revocation list of a county.' })
  async approvalRevocationList(
    @Ctx() ctx: Context,
    @Arg('countyCode', { description: '县代码。County code.' }) countyCode: string,
  ): Promise<RevocationListInfo | null> {
    const county = await ctx.em.findOne(Region, { code: countyCode.slice(0, 12), level: RegionLevel.COUNTY });
    if (!county) throw notFound('该县', 'County');
    const list = await latestRevocationList(ctx.em, ctx.config, county);
    return {
      county,
      listDate: list.listDate,
      entryCount: list.entryCount,
      keyId: list.keyId,
      body: list.body,
      signature: list.signature,
      url: `/approval-documents/revocations/${county.code}.json`,
    };
  }

  @Authorized()
  @Mutation(() => DocumentSigningKey, {
    description: '轮换某县的文书签名密钥：新密钥签发此后的文书，旧密钥停用但仍可核验旧文书。Rotate a county’s signing key; old documents keep verifying.',
  })
  async rotateDocumentSigningKey(
    @Ctx() ctx: Context,
    @Arg('countyCode', { description: '县代码。County code.' }) countyCode: string,
  ): Promise<DocumentSigningKey> {
    const county = await ctx.em.findOne(Region, { code: countyCode.slice(0, 12), level: RegionLevel.COUNTY });
    if (!county)
      throw badInput('不是县级区划代码', 'Not a county code', [{ field: 'countyCode', message: '不是县级区划代码', messageEn: 'not a county code' }]);
    return ctx.em.transactional(async (em) => {
      const before = await em.findOne(DocumentSigningKey, { county: county.id, retiredAt: null });
      const key = await addCountyKey(em, ctx.config, county);
      await audit(em, ctx, {
        action: 'signingKey.rotate',
        entity: key,
        before: before ? { keyId: before.keyId } : null,
        after: { keyId: key.keyId, publicKey: key.publicKey },
        countyId: county.id,
      });
      await em.flush();
      return key;
    });
  }

  @FieldResolver(() => AdmissionApplication, {
    nullable: true,
    description:
      '对应的准入申请（核验他县文书或未登录核验时为空）。The application; null when it is outside your jurisdiction (e.g. verifying another county’s document).',
  })
  async application(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return (await ctx.loaders.byId(AdmissionApplication).load(doc.application.id)) ?? null;
  }

  @FieldResolver(() => Region, { description: '签发的县。The issuing county.' })
  async county(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(doc.county.id))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '核验码（16 位，由 SM2 签名导出），印在文书上供联网核对；只对签发县工作人员和申请部门可见。Verification code (from the SM2 signature); only for the issuing county’s staff and the applying department.',
  })
  async verificationCode(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<string | null> {
    if (!(await holdsDocument(ctx, doc))) return null;
    return verificationCode(await ensureSigned(ctx.em, ctx.config, doc));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'SM2 签名（103 位 Crockford Base32，四位一组），印在文书上供离线核对；只对持有者可见。The SM2 signature as printed; only for holders.',
  })
  async signature(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<string | null> {
    if (!(await holdsDocument(ctx, doc))) return null;
    return typedSignature(await ensureSigned(ctx.em, ctx.config, doc));
  }

  @FieldResolver(() => String, { nullable: true, description: '二维码内容（ZR1.…，含签名内容与 SM2 签名）；只对持有者可见。The QR payload; only for holders.' })
  async payload(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<string | null> {
    if (!(await holdsDocument(ctx, doc))) return null;
    const county = (await ctx.loaders.byId(Region).load(doc.county.id))!;
    return payloadOf(await ensureSigned(ctx.em, ctx.config, doc), county);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '可打印 PDF 的下载地址（带 Authorization 头 GET）；只对持有者可见。Path of the printable PDF; only for holders.',
  })
  async pdfUrl(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<string | null> {
    if (!(await holdsDocument(ctx, doc))) return null;
    return `/approval-documents/${encodeURIComponent(doc.globalId)}/document.pdf`;
  }

  @FieldResolver(() => Boolean, {
    description:
      '今日是否有效：在有效期内、事项在施（紧急事项未逾期）、未撤销、未完成。Valid today: within validity, in effect (emergency within its deadline), not revoked or completed.',
  })
  async validToday(@Root() doc: ApprovalDocument, @Ctx() ctx: Context): Promise<boolean> {
    const app = await ctx.em.findOne(AdmissionApplication, doc.application.id, { filters: false, fields: ['id', 'status', 'approvalDeadline'] });
    if (!app) return false;
    const state = documentState(doc, app);
    const today = chinaDate();
    if (state !== 'IN_EFFECT' && state !== 'PROVISIONAL') return false;
    if (state === 'PROVISIONAL' && app.approvalDeadline && app.approvalDeadline < new Date()) return false;
    return doc.validFrom <= today && (!doc.validUntil || doc.validUntil >= today);
  }
}

@Resolver(() => DocumentSigningKey)
export class DocumentSigningKeyResolver {
  @FieldResolver(() => Region, { description: '所属县。The county.' })
  async county(@Root() key: DocumentSigningKey, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(key.county.id))!;
  }

  @FieldResolver(() => String, { description: '公钥 PEM（SubjectPublicKeyInfo，OpenSSL 可读）。Public key as PEM (OpenSSL reads it).' })
  publicKeyPem(@Root() key: DocumentSigningKey): string {
    return sm2PublicKeyPem(key.publicKey);
  }

  @FieldResolver(() => String, {
    description: '公钥指纹（SM3 前 128 位），可电话或公告核对。Fingerprint: first 128 bits of the key’s SM3, to compare by phone or notice.',
  })
  fingerprint(@Root() key: DocumentSigningKey): string {
    return keyFingerprint(key.publicKey);
  }
}
