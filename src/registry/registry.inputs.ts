import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { LedgerFormat, LedgerFrequency } from '../admission';
import { WorkCategory } from '../catalogue';
import { CertificateRefusalReason, IssuanceOutcome, RequesterKind } from './certificates/certificate.enums';
import {
  CriticismScope,
  FindingCategory,
  FindingSeverityLevel,
  FindingSource,
  InspectionMode,
  InterviewStatus,
  SupervisionFindingStatus,
} from './supervision/supervision.enums';
import { EvidenceKind, RefusalKind, RefusalReason, RefusalStatus } from './refusals/refusal.enums';
import { FilingMethod, LedgerStatus } from './ledgers/ledger.enums';
import { PlaqueAuthority, PlaqueStatus } from './plaques/plaque.enums';
import { ServiceContractStatus } from './contracts/contract.enums';
import { LocalDateScalar } from '../kernel/scalars';

/** A calendar day `YYYY-MM-DD`. */
const IsDay = (): PropertyDecorator => (target, key) => {
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${String(key)} must be a date YYYY-MM-DD` })(target, key);
  IsDateString({ strict: true })(target, key);
};

// =======================================================================================
// Shared

@InputType({ description: '原因或说明。A reason or note.' })
export class NoteInput {
  @Field({ description: '原因或说明。Reason or note.' })
  @MinLength(2)
  @MaxLength(2000)
  note!: string;
}

@InputType({ description: '按县筛选的共同条件。County selector shared by registry filters.' })
export abstract class CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '县的全局 ID。County.' })
  @IsOptional()
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: '县的 6 位区划代码。County code.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a 6-digit division code' })
  countyCode?: string | null;
}

// =======================================================================================
// Ledgers and reports 台账报表

@InputType({ description: '台账报表要求。A ledger or report requirement.' })
export class LedgerRequirementInput {
  @Field(() => ID, { nullable: true, description: '要求填报的部门（部门人员默认为本部门）。Department; department users: their own.' })
  @IsOptional()
  departmentId?: string | null;

  @Field({ description: '表名。Form name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => [String], { description: '字段（数据元编码）。Fields, as data element codes.' })
  @ArrayMaxSize(100)
  @MaxLength(32, { each: true })
  dataElementCodes: string[] = [];

  @Field(() => LedgerFrequency, { description: '填报频次。Frequency.' })
  frequency!: LedgerFrequency;

  @Field(() => Int, { nullable: true, description: '不定期时每年预计次数。Expected filings a year (ad hoc).' })
  @IsOptional()
  @Min(1)
  @Max(1000)
  expectedPerYear?: number | null;

  @Field(() => LedgerFormat, { defaultValue: LedgerFormat.ELECTRONIC, description: '形式。Format.' })
  format: LedgerFormat = LedgerFormat.ELECTRONIC;

  @Field(() => String, { nullable: true, description: '可用的电子填报渠道（系统名称）。Electronic channel available.' })
  @IsOptional()
  @MaxLength(200)
  electronicChannel?: string | null;

  @Field(() => Int, { description: '每次填报用时（分钟，1–600）。Minutes per filing.' })
  @Min(1)
  @Max(600)
  minutesPerFiling!: number;

  @Field(() => [String], { description: '法律法规政策依据。Legal basis citations.' })
  @ArrayMaxSize(20)
  @MaxLength(300, { each: true })
  legalBasis: string[] = [];

  @Field(() => ID, { nullable: true, description: '引入该台账的准入申请。The admission application that introduced it.' })
  @IsOptional()
  applicationId?: string | null;
}

@InputType({ description: '合并台账报表。Merge a ledger into another.' })
export class MergeLedgerInput {
  @Field(() => ID, { description: '并入的台账报表。The ledger it is merged into.' })
  intoId!: string;

  @Field({ description: '原因。Reason.' })
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  on?: string | null;
}

@InputType({ description: '取消台账报表。Abolish a ledger.' })
export class AbolishLedgerInput {
  @Field({ description: '原因。Reason.' })
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  on?: string | null;
}

@InputType({ description: '一个数据元的填报值。A value of one data element.' })
export class FiledValueInput {
  @Field({ description: '数据元编码。Data element code.' })
  @MaxLength(32)
  code!: string;

  @Field(() => String, { nullable: true, description: '值。Value.' })
  @IsOptional()
  @MaxLength(200)
  value?: string | null;
}

@InputType({ description: '村（社区）填报台账报表。A community files a ledger.' })
export class LedgerFilingInput {
  @Field(() => ID, { description: '台账报表。Ledger requirement.' })
  requirementId!: string;

  @Field({ description: '所属期，格式随频次：2026-03-02、2026-W10、2026-03、2026Q1、2026H1、2026；不定期为日期。Period, in the frequency’s format.' })
  @MaxLength(16)
  period!: string;

  @Field(() => Int, { nullable: true, description: '实际用时（分钟，手工填报）。Minutes it took (manual filing).' })
  @IsOptional()
  @Min(0)
  @Max(6000)
  minutesSpent?: number | null;

  @Field(() => [FiledValueInput], { description: '手工填报的值（启用“一表通”时由系统生成，忽略此项）。Typed values; ignored when generated.' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  values: FiledValueInput[] = [];
}

@InputType({ description: '台账报表筛选条件。Ledger requirement filter.' })
export class LedgerRequirementFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => [LedgerStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: LedgerStatus[] | null;

  @Field(() => LedgerFormat, { nullable: true, description: '形式。Format.' })
  @IsOptional()
  format?: LedgerFormat | null;

  @Field(() => LedgerFrequency, { nullable: true, description: '频次。Frequency.' })
  @IsOptional()
  frequency?: LedgerFrequency | null;

  @Field(() => ID, { nullable: true, description: '引入它的准入申请。Introduced by this application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否有法律法规依据。With or without a legal basis.' })
  @IsOptional()
  hasLegalBasis?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否已启用一表通。With 一表通 or not.' })
  @IsOptional()
  oneForm?: boolean | null;

  @Field(() => String, { nullable: true, description: '按表名搜索。Search by name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: '台账报表填报记录筛选条件。Ledger filing filter.' })
export class LedgerFilingFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '台账报表。Ledger requirement.' })
  @IsOptional()
  requirementId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => FilingMethod, { nullable: true, description: '填报方式。Method.' })
  @IsOptional()
  method?: FilingMethod | null;

  @Field(() => String, { nullable: true, description: '所属期。Period.' })
  @IsOptional()
  @MaxLength(16)
  period?: string | null;
}

// =======================================================================================
// Plaques 挂牌

@InputType({ description: '登记村（社区）挂牌。A plaque in a community.' })
export class PlaqueInput {
  @Field(() => ID, { description: '村（社区）。Community.' })
  communityId!: string;

  @Field(() => ID, { nullable: true, description: '设牌部门（部门人员默认为本部门）。Department; department users: their own.' })
  @IsOptional()
  departmentId?: string | null;

  @Field({ description: '牌子名称。Name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => PlaqueAuthority, { description: '依据层级。Level of authorization.' })
  authority!: PlaqueAuthority;

  @Field(() => String, { nullable: true, description: '设立依据文件。Authorizing document.' })
  @IsOptional()
  @MaxLength(300)
  authorizingDocument?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '挂牌日期。Date put up.' })
  @IsOptional()
  @IsDay()
  installedOn?: string | null;
}

@InputType({ description: '挂牌状态变更。A change of a plaque’s status.' })
export class PlaqueStatusInput {
  @Field({ description: '原因。Reason.' })
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  on?: string | null;
}

@InputType({ description: '挂牌筛选条件。Plaque filter.' })
export class PlaqueFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '乡镇（街道）。Township.' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => [PlaqueStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: PlaqueStatus[] | null;

  @Field(() => [PlaqueAuthority], { nullable: true, description: '依据层级（任一）。Any of these authorization levels.' })
  @IsOptional()
  authority?: PlaqueAuthority[] | null;

  @Field(() => String, { nullable: true, description: '按名称搜索。Search by name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

// =======================================================================================
// Certificates 证明事项

@InputType({ description: '出具证明清单中的一项。A certificate on the county’s list.' })
export class CertificateTypeInput {
  @Field(() => ID, { nullable: true, description: '县（审核人员默认为本县）。County; reviewers: their own.' })
  @IsOptional()
  countyId?: string | null;

  @Field({ description: '证明名称。Name.' })
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true, description: '用途与适用情形。What it is used for.' })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: '使用该证明的部门。Department whose procedures use it.' })
  @IsOptional()
  departmentId?: string | null;

  @Field({ description: '设定依据（法律法规明确规定）。Legal basis.' })
  @MinLength(2)
  @MaxLength(300)
  legalBasis!: string;

  @Field({ defaultValue: true, description: '村（社区）是否有能力核实。Whether the community can verify it.' })
  communityCanVerify: boolean = true;
}

@InputType({ description: '取消证明事项。Abolish a certificate.' })
export class AbolishCertificateInput {
  @Field(() => LocalDateScalar, { description: '取消日期。Date abolished.' })
  @IsDay()
  abolishedOn!: string;

  @Field({ description: '取消依据文件。Document that abolished it.' })
  @MinLength(2)
  @MaxLength(200)
  abolishedBy!: string;
}

@InputType({ description: '村（社区）收到的出具证明请求。A certificate request to a community.' })
export class CertificateRequestInput {
  @Field(() => ID, { nullable: true, description: '清单中的证明事项（二选一）。The certificate on the list (or give a name).' })
  @IsOptional()
  certificateTypeId?: string | null;

  @Field(() => String, { nullable: true, description: '所请求的证明名称（不在清单中时填写）。Name asked for, when not on the list.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(100)
  certificateName?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）（村社区工作者默认为本村社区）。Community; community workers: their own.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => RequesterKind, { description: '申请方类别。Kind of requester.' })
  requesterKind!: RequesterKind;

  @Field({ description: '用途。What it is for.' })
  @MinLength(2)
  @MaxLength(500)
  purpose!: string;

  @Field({ defaultValue: false, description: '是否为企业自身生产经营活动所需。For an enterprise’s own business.' })
  forEnterpriseBusiness: boolean = false;

  @Field(() => ID, { nullable: true, description: '仍要求提供该证明的部门（如已知）。Department still demanding it, if known.' })
  @IsOptional()
  requiringDepartmentId?: string | null;

  @Field(() => String, { nullable: true, description: '要求提供证明的机构（如某银行网点）。Who demanded it.' })
  @IsOptional()
  @MaxLength(200)
  requiredBy?: string | null;
}

@InputType({ description: '证明事项筛选条件。Certificate filter.' })
export class CertificateTypeFilter extends CountyFilterBase {
  @Field(() => Boolean, { nullable: true, description: '是否已取消。Abolished or not.' })
  @IsOptional()
  abolished?: boolean | null;

  @Field(() => String, { nullable: true, description: '按名称搜索。Search by name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: '证明出具记录筛选条件。Certificate issuance filter.' })
export class CertificateIssuanceFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '证明事项。Certificate.' })
  @IsOptional()
  certificateTypeId?: string | null;

  @Field(() => IssuanceOutcome, { nullable: true, description: '结果。Outcome.' })
  @IsOptional()
  outcome?: IssuanceOutcome | null;

  @Field(() => CertificateRefusalReason, { nullable: true, description: '不予出具的原因。Refusal reason.' })
  @IsOptional()
  refusalReason?: CertificateRefusalReason | null;

  @Field(() => Date, { nullable: true, description: '起始时间（含）。From (inclusive).' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '截止时间（不含）。Until (exclusive).' })
  @IsOptional()
  to?: Date | null;
}

// =======================================================================================
// Refusals and reports 拒绝执行与举报

@InputType({ description: '证据。A piece of evidence.' })
export class EvidenceInput {
  @Field(() => EvidenceKind, { description: '类别。Kind.' })
  kind!: EvidenceKind;

  @Field({ description: '说明。What it shows.' })
  @MinLength(2)
  @MaxLength(1000)
  description!: string;

  @Field(() => String, { nullable: true, description: '附件名、文号等引用。Reference.' })
  @IsOptional()
  @MaxLength(300)
  reference?: string | null;
}

@InputType({ description: '拒绝执行或举报。A refusal or report.' })
export class RefusalInput {
  @Field(() => RefusalKind, { description: '拒绝执行或举报。Refusal or report.' })
  kind!: RefusalKind;

  @Field({ defaultValue: false, description: '匿名举报（仅举报可匿名；不记录举报人）。Anonymous (reports only).' })
  anonymous: boolean = false;

  @Field(() => ID, { nullable: true, description: '任务下派到的村（社区）（村社区工作者默认为本村社区）。Community; community workers: their own.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '下派任务的部门（如已知）。Department that pushed the task.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '任务声称依据的准入申请（如有）。Application the task claims to rest on.' })
  @IsOptional()
  applicationId?: string | null;

  @Field({ description: '任务名称。Task.' })
  @MinLength(2)
  @MaxLength(200)
  taskTitle!: string;

  @Field({ description: '任务内容与经过。What was asked, and how.' })
  @MinLength(5)
  @MaxLength(5000)
  taskDescription!: string;

  @Field(() => String, { nullable: true, description: '对方出示的批准文书文号。Approval document number shown.' })
  @IsOptional()
  @MaxLength(64)
  claimedDocumentNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '接到任务的日期。Date the task arrived.' })
  @IsOptional()
  @IsDay()
  taskReceivedOn?: string | null;

  @Field(() => [RefusalReason], { description: '理由（至少一项）。Reasons, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  reasons!: RefusalReason[];

  @Field(() => [EvidenceInput], { description: '证据（最多 20 项）。Evidence, at most 20.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  evidence: EvidenceInput[] = [];
}

@InputType({ description: '拒绝执行与举报筛选条件。Refusal filter.' })
export class RefusalFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => RefusalKind, { nullable: true, description: '拒绝执行或举报。Kind.' })
  @IsOptional()
  kind?: RefusalKind | null;

  @Field(() => [RefusalStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: RefusalStatus[] | null;

  @Field(() => RefusalReason, { nullable: true, description: '含该理由。With this reason.' })
  @IsOptional()
  reason?: RefusalReason | null;

  @Field(() => Boolean, { nullable: true, description: '是否已形成督查发现。Whether a supervision finding was raised from it.' })
  @IsOptional()
  hasFinding?: boolean | null;
}

// =======================================================================================
// Purchase of services 政府购买服务

@InputType({ description: '合同条款。A contract term.' })
export class ContractTermInput {
  @Field({ description: '条款编号（如 T1）。Key.' })
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'key must be 1–16 letters, digits, _ or -' })
  key!: string;

  @Field({ description: '条款内容与验收标准。What it requires.' })
  @MinLength(2)
  @MaxLength(1000)
  description!: string;
}

@InputType({ description: '交付成果。A deliverable.' })
export class ContractDeliverableInput {
  @Field({ description: '名称。Name.' })
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '交付期限。Due date.' })
  @IsOptional()
  @IsDay()
  dueOn?: string | null;
}

@InputType({ description: '政府购买服务合同。A service contract.' })
export class ServiceContractInput {
  @Field(() => ID, { nullable: true, description: '购买方部门（部门人员默认为本部门）。Department; department users: their own.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { description: '承接服务的村（社区）。Community.' })
  communityId!: string;

  @Field(() => String, { nullable: true, description: '合同编号（为空则自动编号）。Contract number; generated when empty.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(64)
  number?: string | null;

  @Field(() => ID, { nullable: true, description: '依据的购买服务准入申请。The purchase-of-service application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '关联的清单事项（不得为协助办理或负面清单事项）。Linked list item.' })
  @IsOptional()
  listItemId?: string | null;

  @Field({ description: '服务名称。Title.' })
  @MinLength(4)
  @MaxLength(200)
  title!: string;

  @Field({ description: '服务范围与内容。Scope.' })
  @MinLength(10)
  @MaxLength(5000)
  scope!: string;

  @Field(() => WorkCategory, { description: '工作类别。Category.' })
  category!: WorkCategory;

  @Field(() => Float, { description: '合同金额（元）。Amount in yuan.' })
  @Min(0.01)
  @Max(1e10)
  amount!: number;

  @Field(() => LocalDateScalar, { description: '服务期起。Period start.' })
  @IsDay()
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: '服务期止。Period end.' })
  @IsDay()
  periodEnd!: string;

  @Field(() => [ContractDeliverableInput], { description: '交付成果。Deliverables.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  deliverables: ContractDeliverableInput[] = [];

  @Field(() => [ContractTermInput], { description: '合同条款（至少一条）。Terms, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  terms!: ContractTermInput[];

  @Field({ description: '评价方式（按合同条款验收）。How it is evaluated (by the terms).' })
  @MinLength(4)
  @MaxLength(1000)
  evaluationMethod!: string;

  @Field({ defaultValue: false, description: '是否需要专业资质。Needs a professional qualification.' })
  requiresQualification: boolean = false;

  @Field({ defaultValue: false, description: '是否需要执法资格。Needs law-enforcement power.' })
  requiresEnforcementPower: boolean = false;
}

@InputType({ description: '对一项合同条款的评定。The judgement on one term.' })
export class TermResultInput {
  @Field({ description: '条款编号。Term key.' })
  @MaxLength(16)
  termKey!: string;

  @Field({ description: '是否达到要求。Met or not.' })
  met!: boolean;

  @Field(() => String, { nullable: true, description: '说明。Comment.' })
  @IsOptional()
  @MaxLength(1000)
  comment?: string | null;
}

@InputType({ description: '购买服务满意度评定（逐条对照合同条款）。An evaluation against the contract terms.' })
export class ContractEvaluationInput {
  @Field(() => LocalDateScalar, { nullable: true, description: '评定日期（默认今日）。Date; today by default.' })
  @IsOptional()
  @IsDay()
  evaluatedOn?: string | null;

  @Field(() => [TermResultInput], { description: '每一条合同条款的评定（须覆盖全部条款且仅限合同条款）。One result per contract term, all of them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  termResults!: TermResultInput[];

  @Field(() => String, { nullable: true, description: '总体说明。Comment.' })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: '购买服务合同筛选条件。Service contract filter.' })
export class ServiceContractFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => ServiceContractStatus, { nullable: true, description: '状态。Status.' })
  @IsOptional()
  status?: ServiceContractStatus | null;
}

// =======================================================================================
// Funding 费随事转

@InputType({ description: '向村（社区）拨付经费。Funding sent to communities for an admitted item.' })
export class FundingAllocationInput {
  @Field(() => ID, { description: '已准入事项（准入申请）。The admitted item.' })
  applicationId!: string;

  @Field(() => [ID], { description: '村（社区）（须在事项范围内，最多 500 个）。Communities in the item’s scope.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  communityIds!: string[];

  @Field(() => Float, { description: '每个村（社区）的金额（元）。Amount per community, in yuan.' })
  @Min(0.01)
  @Max(1e9)
  amountPerCommunity!: number;

  @Field(() => LocalDateScalar, { description: '拨付日期。Date allocated.' })
  @IsDay()
  allocatedOn!: string;

  @Field(() => String, { nullable: true, description: '拨付凭证号。Payment reference.' })
  @IsOptional()
  @MaxLength(100)
  reference?: string | null;

  @Field(() => String, { nullable: true, description: '备注。Note.' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: '经费拨付筛选条件。Funding allocation filter.' })
export class FundingAllocationFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '准入事项。Admitted item.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否已确认到账。Confirmed received or not.' })
  @IsOptional()
  confirmed?: boolean | null;
}

@InputType({ description: '经费未到位的村（社区）筛选条件。Filter of communities not yet paid.' })
export class UnpaidCommunityFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '准入事项。Admitted item.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '乡镇（街道）。Township.' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: '村（社区）。Community.' })
  @IsOptional()
  communityId?: string | null;
}

// =======================================================================================
// Supervision 监督管理

@InputType({ description: '督查（明察暗访）。An inspection.' })
export class InspectionInput {
  @Field(() => ID, { nullable: true, description: '县（督查、审核人员默认为本县）。County; county staff: their own.' })
  @IsOptional()
  countyId?: string | null;

  @Field({ description: '督查名称。Title.' })
  @MinLength(4)
  @MaxLength(200)
  title!: string;

  @Field(() => InspectionMode, { description: '明察或暗访。Announced or unannounced.' })
  mode!: InspectionMode;

  @Field({ defaultValue: true, description: '是否联合督查组。By a joint team.' })
  jointTeam: boolean = true;

  @Field({ description: '牵头单位。Lead unit.' })
  @MinLength(2)
  @MaxLength(100)
  leadUnit!: string;

  @Field(() => [String], { description: '督查组成员单位或人员。Team members.' })
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  teamMembers: string[] = [];

  @Field(() => LocalDateScalar, { description: '督查日期。Date conducted.' })
  @IsDay()
  conductedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '结束日期。Date ended.' })
  @IsOptional()
  @IsDay()
  endedOn?: string | null;

  @Field(() => [ID], { description: '走访的村（社区）。Communities visited.' })
  @ArrayMaxSize(500)
  communityIds: string[] = [];

  @Field(() => [ID], { description: '督查的部门。Departments inspected.' })
  @ArrayMaxSize(100)
  departmentIds: string[] = [];

  @Field(() => String, { nullable: true, description: '情况综述。Summary.' })
  @IsOptional()
  @MaxLength(5000)
  summary?: string | null;
}

@InputType({ description: '督查发现（督办事项）。A supervision finding.' })
export class SupervisionFindingInput {
  @Field(() => ID, { nullable: true, description: '所属督查（来自督查时）。The inspection that found it.' })
  @IsOptional()
  inspectionId?: string | null;

  @Field(() => ID, { description: '问题部门。Department.' })
  departmentId!: string;

  @Field(() => FindingCategory, { description: '问题类别。Category.' })
  category!: FindingCategory;

  @Field(() => FindingSeverityLevel, { defaultValue: FindingSeverityLevel.GENERAL, description: '严重程度。Severity.' })
  severity: FindingSeverityLevel = FindingSeverityLevel.GENERAL;

  @Field({ description: '问题描述。What was found.' })
  @MinLength(5)
  @MaxLength(5000)
  description!: string;

  @Field(() => ID, { nullable: true, description: '相关准入申请。Related application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => ID, { nullable: true, description: '相关拒绝执行或举报。Related refusal or report.' })
  @IsOptional()
  refusalId?: string | null;

  @Field(() => ID, { nullable: true, description: '相关村（社区）。Related community.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改期限。Rectification deadline.' })
  @IsOptional()
  @IsDay()
  rectificationDeadline?: string | null;
}

@InputType({ description: '安排约谈。Schedule an interview.' })
export class InterviewInput {
  @Field(() => ID, { description: '被约谈部门。Department.' })
  departmentId!: string;

  @Field(() => Date, { description: '约谈时间。When.' })
  scheduledAt!: Date;

  @Field({ description: '地点。Place.' })
  @MinLength(2)
  @MaxLength(200)
  place!: string;

  @Field({ description: '约谈人（单位、职务）。Who conducts it.' })
  @MinLength(2)
  @MaxLength(200)
  interviewers!: string;

  @Field({ description: '约谈事由。Why.' })
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;

  @Field(() => [ID], { description: '涉及的督查发现（须为该部门的）。Findings against the department it addresses.' })
  @ArrayMaxSize(100)
  findingIds: string[] = [];

  @Field(() => [ID], { description: '涉及的拒绝执行或举报（须为该部门的）。Refusals or reports about the department it addresses.' })
  @ArrayMaxSize(100)
  refusalIds: string[] = [];

  @Field(() => LocalDateScalar, { description: '整改落实期限。Follow-up deadline.' })
  @IsDay()
  followUpDeadline!: string;
}

@InputType({ description: '记录约谈情况。Record an interview as held.' })
export class InterviewHeldInput {
  @Field(() => Date, { nullable: true, description: '实际约谈时间（默认现在）。When it was held; now by default.' })
  @IsOptional()
  heldAt?: Date | null;

  @Field({ description: '约谈情况与整改要求。Outcome and demands.' })
  @MinLength(5)
  @MaxLength(5000)
  outcome!: string;
}

@InputType({ description: '通报批评。Public criticism.' })
export class PublicCriticismInput {
  @Field(() => ID, { description: '被通报部门。Department.' })
  departmentId!: string;

  @Field({ description: '通报文号。Document number.' })
  @MinLength(4)
  @MaxLength(64)
  documentNumber!: string;

  @Field(() => CriticismScope, { defaultValue: CriticismScope.COUNTY, description: '通报范围。Scope.' })
  scope: CriticismScope = CriticismScope.COUNTY;

  @Field(() => LocalDateScalar, { description: '通报日期。Date issued.' })
  @IsDay()
  issuedOn!: string;

  @Field({ description: '通报内容。Content.' })
  @MinLength(10)
  @MaxLength(10000)
  content!: string;

  @Field(() => [ID], { description: '通报的督查发现（须为该部门的，至少一项）。Findings it publishes, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  findingIds!: string[];

  @Field(() => LocalDateScalar, { description: '整改落实期限。Follow-up deadline.' })
  @IsDay()
  followUpDeadline!: string;
}

@InputType({ description: '督查筛选条件。Inspection filter.' })
export class InspectionFilter extends CountyFilterBase {
  @Field(() => InspectionMode, { nullable: true, description: '明察或暗访。Mode.' })
  @IsOptional()
  mode?: InspectionMode | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '督查日期起（含）。From (inclusive).' })
  @IsOptional()
  @IsDay()
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '督查日期止（含）。To (inclusive).' })
  @IsOptional()
  @IsDay()
  to?: string | null;
}

@InputType({ description: '督查发现筛选条件。Supervision finding filter.' })
export class SupervisionFindingFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '督查。Inspection.' })
  @IsOptional()
  inspectionId?: string | null;

  @Field(() => [SupervisionFindingStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  @IsOptional()
  status?: SupervisionFindingStatus[] | null;

  @Field(() => FindingSource, { nullable: true, description: '来源。Source.' })
  @IsOptional()
  source?: FindingSource | null;

  @Field(() => FindingCategory, { nullable: true, description: '类别。Category.' })
  @IsOptional()
  category?: FindingCategory | null;

  @Field(() => Boolean, { nullable: true, description: '是否屡犯。Repeat offences only (or none).' })
  @IsOptional()
  repeat?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否已超过整改期限仍未整改。Past the deadline and still open.' })
  @IsOptional()
  overdue?: boolean | null;
}

@InputType({ description: '约谈筛选条件。Interview filter.' })
export class InterviewFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => InterviewStatus, { nullable: true, description: '状态。Status.' })
  @IsOptional()
  status?: InterviewStatus | null;

  @Field(() => Boolean, { nullable: true, description: '整改落实是否逾期未报。Follow-up overdue.' })
  @IsOptional()
  followUpOverdue?: boolean | null;
}

@InputType({ description: '通报批评筛选条件。Public criticism filter.' })
export class PublicCriticismFilter extends CountyFilterBase {
  @Field(() => ID, { nullable: true, description: '部门。Department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '整改落实是否逾期未报。Follow-up overdue.' })
  @IsOptional()
  followUpOverdue?: boolean | null;
}
