import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DocumentFields } from './verification-core';

/**
 * The printable approval document: A4, a county document's red header (红头), number, title,
 * department, scope, validity, and a QR code (vector, error correction M) carrying the
 * compact signed payload, with the 16-character verification code and the SM2 signature
 * printed beside it for typing. The payload is also stored in the PDF's document
 * information (`ZhunruPayload`), so `npm run document:verify -- file.pdf` reads it without
 * an image decoder. Chinese text is set in Noto Serif SC, shipped in the npm package
 * @expo-google-fonts/noto-serif-sc (SIL Open Font License) — nothing is fetched at run time.
 */

const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
const RED = '#c8161d';

export interface PdfInput {
  fields: DocumentFields;
  payload: string;
  verificationCode: string;
  typedSignature: string;
  /** Readable scope: 全县 / township names / community names. */
  scopeText: string;
  communityCount: number;
  provisional: boolean;
  /** Where the verification page is, as printed (e.g. http://127.0.0.1:4000/verify). */
  verifyUrl: string;
  keyFingerprint: string;
}

const cnDate = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};
const cnDay = (ymd: string) => `${Number(ymd.slice(0, 4))}年${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;

export async function renderApprovalPdf(input: PdfInput): Promise<Buffer> {
  const f = input.fields;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 48, left: 64, right: 64 },
    info: {
      Title: `${f.number} 批准文书`,
      Author: `${f.countyName}委社会工作部`,
      Subject: f.title,
      Keywords: 'Zhunru approval document SM2',
      Creator: 'Zhunru 准入',
      // @ts-expect-error custom document-information entry (pdfkit writes any key given)
      ZhunruPayload: input.payload,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('song', FONT_REGULAR);
  doc.registerFont('song-bold', FONT_BOLD);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // 红头
  doc.font('song-bold').fontSize(30).fillColor(RED).text(`${f.countyName}委社会工作部`, left, 64, { width, align: 'center', characterSpacing: 4 });
  doc.fontSize(22).text('准入批准文书', { width, align: 'center', characterSpacing: 6 });
  doc.moveDown(0.4);
  doc.font('song').fontSize(13).fillColor('black').text(f.number, { width, align: 'center' });
  const ruleY = doc.y + 8;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(2)
    .strokeColor(RED)
    .stroke();
  doc.y = ruleY + 18;

  doc
    .font('song-bold')
    .fontSize(16)
    .fillColor('black')
    .text(`关于同意${f.department}“${f.title}”进入村（社区）的批复`, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font('song').fontSize(12);
  doc.text(`${f.department}：`, { width });
  doc.moveDown(0.3);
  const validity = f.validUntil ? `${cnDay(f.validFrom)}至${cnDay(f.validUntil)}` : `${cnDay(f.validFrom)}起长期有效`;
  doc.text(
    `经审核，同意你单位“${f.title}”按批准范围进入村（社区）实施，有效期${validity}。请持本文书进入，按照“费随事转”原则落实经费、人员和业务指导，工作完成后及时退出。未经批准或超出批准范围、有效期的，村（社区）有权拒绝执行。`,
    { width, indent: 24, lineGap: 4 },
  );
  doc.moveDown(0.6);
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('song-bold').text(label, left, y, { width: 84 });
    doc.font('song').text(value, left + 88, y, { width: width - 88, lineGap: 2 });
    doc.moveDown(0.3);
  };
  row('申请部门', f.department + (f.departmentCode ? `（${f.departmentCode}）` : ''));
  row('事项名称', f.title);
  row('批准范围', `${input.scopeText}（共 ${input.communityCount} 个村（社区））`);
  row('有效期', validity);
  if (input.provisional && f.provisionalUntil) {
    row('临时文书', `紧急事项“先进后批”，须于${cnDate(f.provisionalUntil)}前补批；逾期未获批准即失效。`);
  }
  row('签发时间', cnDate(f.issuedAt));

  // 核验区：二维码与可输入的核验码、签名
  const qr = QRCode.create(input.payload, { errorCorrectionLevel: 'M' });
  const size = 150;
  const boxTop = Math.max(doc.y + 14, 520);
  const n = qr.modules.size;
  const cell = size / n;
  const qx = left;
  doc.rect(qx - 6, boxTop - 6, size + 12, size + 12).fill('white');
  doc.fillColor('black');
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) doc.rect(qx + x * cell, boxTop + y * cell, cell, cell);
  }
  doc.fill('black');
  const tx = left + size + 20;
  const tw = width - size - 20;
  doc.font('song-bold').fontSize(11).text('核验方法', tx, boxTop, { width: tw });
  doc
    .font('song')
    .fontSize(9)
    .text(`扫描左侧二维码，或在核验页 ${input.verifyUrl} 输入文号与签名（该页可保存到手机或电脑离线使用）；联网时也可输入文号与核验码。`, {
      width: tw,
      lineGap: 1,
    });
  doc.moveDown(0.3);
  doc.font('song-bold').fontSize(10).text('核验码', { width: tw, continued: true }).font('song').text(`  ${input.verificationCode}`);
  doc.font('song-bold').text('签名（SM2）', { width: tw });
  doc.font('song').fontSize(8).text(input.typedSignature, { width: tw, lineGap: 1 });
  doc.fontSize(8).text(`密钥 ${f.keyId}　指纹 ${input.keyFingerprint}`, { width: tw });

  // 落款
  doc
    .font('song')
    .fontSize(12)
    .fillColor('black')
    .text(`${f.countyName}委社会工作部`, left, boxTop + size + 28, { width, align: 'right' });
  doc.text(cnDate(f.issuedAt), { width, align: 'right' });
  const footY = doc.page.height - doc.page.margins.bottom - 10;
  doc
    .moveTo(left, footY)
    .lineTo(left + width, footY)
    .lineWidth(1)
    .strokeColor(RED)
    .stroke();
  doc.end();
  return done;
}

/** The payload stored in a PDF rendered here (document information `ZhunruPayload`); null when none. */
export function payloadFromPdf(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const direct = /\/ZhunruPayload\s*\((ZR1\.[A-Za-z0-9_.-]+)\)/.exec(text);
  if (direct) return direct[1];
  // pdfkit writes document-information values as indirect objects: /ZhunruPayload 13 0 R … 13 0 obj (…) endobj
  const ref = /\/ZhunruPayload\s+(\d+)\s+0\s+R/.exec(text);
  if (!ref) return null;
  const obj = new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\((ZR1\\.[A-Za-z0-9_.-]+)\\)\\s*endobj`).exec(text);
  return obj ? obj[1] : null;
}
