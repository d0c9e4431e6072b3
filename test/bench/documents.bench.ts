/**
 * `npm run bench:documents`: CPU cost of approval documents on this machine — SM2 sign and
 * verify (sm-crypto, GM/T default signer ID), the offline verdict of a payload, and rendering
 * the A4 PDF with its QR code. Prints mean milliseconds; needs no database.
 */
import { generateSm2KeyPair, sm2Sign, sm2Verify, sm3Hex } from '../../src/kernel/gm';
import { buildCanonical, encodePayload, offlineVerdict } from '../../src/admission/documents/verification-core';
import { renderApprovalPdf } from '../../src/admission/documents/document-pdf';

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_ROUNDS || 50);
  const key = generateSm2KeyPair();
  const fields = {
    number: '青社工准〔2026〕12号',
    county: '511828',
    countyName: '青衣县',
    department: '青衣县民政局',
    departmentCode: '',
    title: '协助开展困难群众动态排查',
    scope: 'C',
    scopeHash: sm3Hex('511828001001'),
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    provisionalUntil: '',
    issuedAt: '2026-01-01T00:00:00.000Z',
    keyId: '511828-20260101-abcd',
  };
  const text = buildCanonical(fields);
  const time = async (label: string, rounds: number, f: () => unknown) => {
    await f();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) await f();
    console.log(`${label.padEnd(36)} ${(Number(process.hrtime.bigint() - t0) / rounds / 1e6).toFixed(1)} ms`);
  };
  const sig = sm2Sign(text, key);
  const payload = encodePayload(text, sig);
  console.log(`payload ${payload.length} characters; ${n} rounds; Node ${process.version}`);
  await time('SM2 sign', n, () => sm2Sign(text, key));
  await time('SM2 verify', n, () => sm2Verify(text, sig, key.publicKeyHex));
  await time('offline verdict of a payload', n, () =>
    offlineVerdict(
      {
        payload,
        communityCode: '511828001001',
        keys: [{ keyId: fields.keyId, county: '511828', publicKey: key.publicKeyHex }],
        lists: [],
        today: '2026-06-01',
        now: '2026-06-01T00:00:00.000Z',
      },
      sm2Verify,
    ),
  );
  await time('A4 PDF with QR code', Math.max(5, Math.round(n / 5)), () =>
    renderApprovalPdf({
      fields,
      payload,
      verificationCode: '7KQ2-M9XD-4TRB-0HZC',
      typedSignature: 'X'.repeat(103),
      scopeText: '全县所有村（社区）',
      communityCount: 119,
      provisional: false,
      verifyUrl: 'http://127.0.0.1:4000/verify?county=511828',
      keyFingerprint: 'D396 97DD',
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
