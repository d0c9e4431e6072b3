import crypto from 'node:crypto';
import fs from 'node:fs';
import { CORE_FUNCTIONS, type SignedList } from './verification-core';
import { SM2_SIGNER_ID } from '../../kernel/gm';

/**
 * The offline verification page (批准文书离线核验页), GET /verify: one self-contained HTML
 * file — no external script, style, font or image — with the counties' public keys and
 * signed revocation lists embedded, SM2 verification in the browser (sm-crypto's browser
 * build), a QR reader for photos (jsQR) and the very functions the server decides with
 * (verification-core.ts, serialized). Saved to a phone or PC it keeps working with no
 * network; `?county=<code>` also embeds that county's register of documents (their signed
 * texts, no signatures), so a typed number and signature can be checked too.
 */

export interface PageKey {
  keyId: string;
  county: string;
  countyName: string;
  publicKey: string;
  fingerprint: string;
  retired: boolean;
}

export interface PageData {
  generatedAt: string;
  keys: PageKey[];
  lists: SignedList[];
  /** County code → signed texts of its documents. */
  registers: Record<string, string[]>;
}

const vendor = (() => {
  let cached: { sm2: string; jsqr: string } | undefined;
  return () =>
    (cached ??= {
      sm2: fs.readFileSync(require.resolve('sm-crypto/dist/sm2.js'), 'utf8'),
      jsqr: fs.readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8'),
    });
})();

const CSS = `
*{box-sizing:border-box}body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;background:#f6f4f0;color:#222}
header{background:#c8161d;color:#fff;padding:14px 18px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;font-size:13px;opacity:.9}
main{max-width:760px;margin:0 auto;padding:14px}section{background:#fff;border-radius:8px;padding:14px;margin-bottom:12px;box-shadow:0 1px 2px #0001}
label{display:block;font-weight:600;margin:8px 0 4px}input,textarea{width:100%;font:inherit;padding:8px;border:1px solid #bbb;border-radius:6px}
textarea{min-height:84px;font-family:ui-monospace,monospace;font-size:12px}button{font:inherit;background:#c8161d;color:#fff;border:0;border-radius:6px;padding:10px 18px;margin-top:10px;cursor:pointer}
.tabs button{background:#eee;color:#333;margin-right:6px}.tabs button.on{background:#333;color:#fff}.hint{font-size:12px;color:#666}
#result{display:none}#result.show{display:block}#result .code{font-weight:700;font-size:18px}#result.ok{border-left:6px solid #1a7f37}#result.bad{border-left:6px solid #c8161d}
dl{display:grid;grid-template-columns:7em 1fr;gap:4px 8px;font-size:14px}dt{color:#666}dd{margin:0;word-break:break-all}
`;

const APP = `
(function () {
  var data = JSON.parse(document.getElementById('zr-data').textContent);
  var SIGNER_ID = ${JSON.stringify(SM2_SIGNER_ID)};
  function hex(bytes) { var s = ''; for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16); return s; }
  function verify(text, sig, pub) {
    try { return sm2.doVerifySignature(text, hex(sig), pub, { hash: true, der: false, userId: SIGNER_ID }); } catch (e) { return false; }
  }
  var keys = data.keys.map(function (k) { return { keyId: k.keyId, county: k.county, publicKey: k.publicKey }; });
  var lists = verifiedLists(data.lists, keys, verify);
  var $ = function (id) { return document.getElementById(id); };
  var names = {}; data.keys.forEach(function (k) { names[k.county] = k.countyName; });
  var summary = Object.keys(names).map(function (c) {
    var l = lists.filter(function (x) { return x.county === c; })[0];
    return names[c] + '（' + c + '）' + (l ? '撤销清单 ' + l.listDate.slice(0, 16).replace('T', ' ') + ' UTC' : '无撤销清单');
  });
  $('embedded').textContent = '本页生成于 ' + data.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC，内置 ' + data.keys.length + ' 把公钥：' + summary.join('；') + '。';
  var register = []; Object.keys(data.registers).forEach(function (c) { register = register.concat(data.registers[c]); });
  $('register-note').textContent = register.length ? '本页含 ' + register.length + ' 份文书的登记信息，可按文号与签名核验。' : '本页未含文书登记信息：请扫描二维码，或从平台打开“本县核验页”（/verify?county=县代码）保存后使用。';
  try { var saved = localStorage.getItem('zr-community'); if (saved) $('community').value = saved; } catch (e) {}
  var mode = 'qr';
  function setMode(m) { mode = m; $('mode-qr').className = m === 'qr' ? 'on' : ''; $('mode-typed').className = m === 'typed' ? 'on' : ''; $('qr-box').hidden = m !== 'qr'; $('typed-box').hidden = m !== 'typed'; }
  $('mode-qr').onclick = function () { setMode('qr'); };
  $('mode-typed').onclick = function () { setMode('typed'); };
  function today() { return new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10); }
  function show(outcome) {
    var msgs = verdictMessages()[outcome.result];
    var box = $('result');
    box.className = 'show ' + (outcome.result === 'VALID' ? 'ok' : 'bad');
    box.setAttribute('data-result', outcome.result);
    $('r-code').textContent = (outcome.result === 'VALID' ? '✔ ' : '✘ ') + outcome.result;
    $('r-zh').textContent = msgs[0];
    $('r-en').textContent = msgs[1];
    $('r-asof').textContent = outcome.fields ? (outcome.listDate ? '离线核验：截至撤销清单日期 ' + outcome.listDate.slice(0, 16).replace('T', ' ') + ' UTC 有效性如上；此后的撤销须联网或更新本页方能得知。Valid as of the list dated ' + outcome.listDate + '.' : '本页没有该县的撤销清单，无法得知文书是否已被撤销；请联网核验或更新本页。No revocation list for this county.') : '';
    var f = outcome.fields; var dl = $('r-fields'); dl.innerHTML = '';
    if (f) [['文号', f.number], ['签发', f.countyName + '（' + f.county + '）'], ['申请部门', f.department], ['事项', f.title], ['有效期', f.validFrom + ' 至 ' + (f.validUntil || '长期')], ['范围', f.scope === 'C' ? '全县' : f.scope], ['临时文书', f.provisionalUntil ? '须于 ' + f.provisionalUntil + ' 前补批' : '否'], ['密钥', f.keyId]].forEach(function (r) {
      var dt = document.createElement('dt'); dt.textContent = r[0]; var dd = document.createElement('dd'); dd.textContent = r[1]; dl.appendChild(dt); dl.appendChild(dd);
    });
  }
  function run() {
    var community = $('community').value.trim();
    try { localStorage.setItem('zr-community', community); } catch (e) {}
    var input = { communityCode: community, keys: keys, lists: lists, register: register, today: today(), now: new Date().toISOString() };
    if (mode === 'qr') input.payload = $('payload').value; else { input.number = $('number').value; input.typedSignature = $('signature').value; }
    show(offlineVerdict(input, verify));
  }
  $('verify').onclick = run;
  $('photo').onchange = function () {
    var file = this.files && this.files[0]; if (!file) return;
    var img = new Image();
    img.onload = function () {
      var c = document.createElement('canvas'); var scale = Math.min(1, 1600 / Math.max(img.width, img.height));
      c.width = Math.round(img.width * scale); c.height = Math.round(img.height * scale);
      var g = c.getContext('2d'); g.drawImage(img, 0, 0, c.width, c.height);
      var px = g.getImageData(0, 0, c.width, c.height);
      var code = jsQR(px.data, px.width, px.height);
      $('photo-note').textContent = code ? '已识别二维码。' : '未能识别二维码，请对准、放平后重拍。';
      if (code) { $('payload').value = code.data; setMode('qr'); run(); }
      URL.revokeObjectURL(img.src);
    };
    img.src = URL.createObjectURL(file);
  };
})();
`;

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page and the Content-Security-Policy that lets exactly its inline scripts and style run. */
export function verifyPage(data: PageData): { html: string; csp: string } {
  const v = vendor();
  const core = CORE_FUNCTIONS.map((f) => f.toString()).join('\n');
  const scripts = [v.sm2, v.jsqr, core, APP];
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>批准文书离线核验 · 准入</title><style>${CSS}</style></head>
<body><header><h1>城乡社区工作事项批准文书核验</h1><p>Offline verification of approval documents · SM2/SM3（GM/T 0003、0004，签名者标识 ${SM2_SIGNER_ID}）· 全部在本机完成，无需网络</p></header>
<main>
<section><p class="hint" id="embedded"></p><p class="hint">保存本页（浏览器“保存网页”或“添加到主屏幕”）后可离线使用；定期联网重新打开以更新撤销清单。</p>
<label for="community">本村（社区）12 位代码</label><input id="community" inputmode="numeric" maxlength="12" placeholder="511828001001"></section>
<section><div class="tabs"><button id="mode-qr" class="on" type="button">扫码 / 粘贴二维码内容</button><button id="mode-typed" type="button">输入文号与签名</button></div>
<div id="qr-box"><label for="photo">拍摄或选择二维码照片</label><input id="photo" type="file" accept="image/*" capture="environment"><p class="hint" id="photo-note"></p>
<label for="payload">二维码内容（ZR1.…，可用手机扫码后粘贴）</label><textarea id="payload" spellcheck="false"></textarea></div>
<div id="typed-box" hidden><p class="hint" id="register-note"></p><label for="number">文号</label><input id="number" placeholder="青社工准〔2026〕12号">
<label for="signature">签名（文书上 103 位，四位一组）</label><textarea id="signature" spellcheck="false"></textarea></div>
<button id="verify" type="button">核验</button></section>
<section id="result" aria-live="polite"><div class="code" id="r-code"></div><p id="r-zh"></p><p class="hint" id="r-en"></p><p class="hint" id="r-asof"></p><dl id="r-fields"></dl></section>
</main>
<script type="application/json" id="zr-data">${escapeJson(data)}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body></html>`;
  const csp = [
    `default-src 'none'`,
    `script-src ${scripts.map(sha).join(' ')}`,
    `style-src ${sha(CSS)}`,
    `img-src blob: data:`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
  return { html, csp };
}
