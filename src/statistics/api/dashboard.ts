/**
 * The read-only burden dashboard (/dashboard): a county's indicators against its
 * baseline, the monthly trend and the department ranking, drawn with Chart.js served
 * from this server (no CDN). The page's script reads the figures over GraphQL with the
 * analyst's token (from the sign-in form, or `#token=…` in the address, which never
 * reaches the server).
 */

/** Content-Security-Policy of the dashboard: nothing from another origin, no inline script or style. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function dashboardPage(asset: (name: string) => string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>村（社区）负担统计 · 准入</title>
<link rel="icon" type="image/svg+xml" href="${asset('favicon.svg')}">
<link rel="stylesheet" href="${asset('dashboard.css')}">
</head>
<body>
<header>
  <h1 id="title">村（社区）负担统计</h1>
  <div id="meta">正在加载…</div>
  <div class="actions"><button id="csv" type="button">导出 CSV</button><button id="xlsx" type="button">导出 Excel</button><button id="signout" type="button">退出</button></div>
</header>
<form id="signin" hidden>
  <h2>登录后查看</h2>
  <label>用户名 <input name="username" autocomplete="username" value="analyst"></label>
  <label>密码 <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">登录</button>
  <p id="signin-error" class="error"></p>
</form>
<main id="main" hidden>
  <section id="cards" class="cards"></section>
  <section class="charts">
    <figure><figcaption>逐月趋势（较基期）</figcaption><div class="chart"><canvas id="trend"></canvas></div></figure>
    <figure><figcaption id="ranking-title">部门排名：台账报表负担（小时/年）</figcaption><div class="chart"><canvas id="ranking"></canvas></div></figure>
  </section>
  <section>
    <h2 id="table-title">按乡镇（街道）</h2>
    <div class="table-wrap"><table id="table"></table></div>
  </section>
</main>
<footer>数据来自准入平台汇总表（每 30 分钟刷新）；存量指标取期末值，发生量为期间合计。</footer>
<script src="${asset('chart.umd.min.js')}"></script>
<script src="${asset('dashboard.js')}"></script>
</body>
</html>
`;
}

export const DASHBOARD_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f2933; background: #f4f6f8; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 16px; padding: 16px 24px; background: #7b1e1e; color: #fff; }
header h1 { margin: 0; font-size: 22px; }
#meta { font-size: 13px; opacity: .9; flex: 1; }
.actions button { margin-left: 8px; background: #fff; color: #7b1e1e; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
main, form { padding: 16px 24px; }
form { max-width: 360px; background: #fff; margin: 40px auto; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
form label { display: block; margin: 12px 0; }
form input { width: 100%; padding: 6px; }
.error { color: #b42318; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
.card { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
.card .label { font-size: 13px; color: #52606d; }
.card .value { font-size: 26px; font-weight: bold; margin: 4px 0; }
.card .unit { font-size: 13px; font-weight: normal; color: #7b8794; margin-left: 4px; }
.card .cmp { font-size: 12px; color: #7b8794; }
.good { color: #127a3b; font-weight: bold; }
.bad { color: #b42318; font-weight: bold; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 16px; }
@media (max-width: 1000px) { .charts { grid-template-columns: 1fr; } }
figure { margin: 0; background: #fff; border-radius: 8px; padding: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
figcaption { font-weight: bold; margin-bottom: 8px; }
.chart { position: relative; height: 320px; }
h2 { font-size: 17px; margin: 20px 0 8px; }
.table-wrap { overflow-x: auto; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 6px 10px; border-bottom: 1px solid #e4e7eb; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f0f2f5; }
tbody tr.total td { font-weight: bold; background: #fdf6f6; }
footer { padding: 12px 24px 24px; font-size: 12px; color: #7b8794; }
`;

export const DASHBOARD_JS = `/* Zhunru burden dashboard (served by src/statistics/http.ts). */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var region = params.get('region') || '511828';
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) { sessionStorage.setItem('zr_token', hash.get('token')); history.replaceState(null, '', location.pathname + location.search); }
  var token = sessionStorage.getItem('zr_token');
  var CARDS = ['ITEMS_IN_EFFECT', 'LEDGER_HOURS', 'LEDGERS_ABOLISHED', 'TERMINALS_IN_USE', 'TERMINALS_CONSOLIDATED', 'PLAQUES_KEPT',
    'FUNDING_COMPLIANCE_PERCENT', 'EMERGENCY_IN_TIME_PERCENT', 'REFUSALS', 'REPORTS', 'FILINGS_GENERATED', 'APPROVED_HOURS'];
  var TREND = ['LEDGER_HOURS', 'ITEM_PLACEMENTS', 'TERMINALS_IN_USE', 'PLAQUES_KEPT'];
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
  var fmt = function (v, unit) { if (v == null) return '—'; return (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('zh-CN') : String(v)); };

  function gql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: token ? 'Bearer ' + token : '' },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (r) { return r.json(); }).then(function (body) {
      if (body.errors && body.errors.length) { var x = body.errors[0].extensions || {}; var e = new Error(body.errors[0].message); e.code = x.code; e.reason = x.reason; e.challenge = x.challenge; throw e; }
      return body.data;
    });
  }

  function showSignIn(message) {
    $('main').hidden = true; $('signin').hidden = false; $('meta').textContent = '请登录（统计分析、审核、督查人员）';
    $('signin-error').textContent = message || '';
  }

  $('signin').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    var done = function (t) { token = t; sessionStorage.setItem('zr_token', token); load(); };
    gql('mutation($i: SignInInput!) { signIn(input: $i) { token } }', { i: { username: f.username.value, password: f.password.value } })
      .then(function (d) { done(d.signIn.token); })
      .catch(function (e) {
        // Two-factor sign-in: the password was right; the one-time code (or a recovery code) completes it.
        if (e.reason !== 'SECOND_FACTOR_REQUIRED') { showSignIn(e.reason === 'SECOND_FACTOR_ENROLMENT_REQUIRED' ? e.message + '（请先在管理端绑定动态口令）' : e.message); return; }
        var code = window.prompt('请输入动态口令（6 位数字）或恢复码');
        if (!code) { showSignIn('已取消'); return; }
        gql('mutation($i: SignInSecondFactorInput!) { signInSecondFactor(input: $i) { token } }', { i: { challenge: e.challenge, code: code } })
          .then(function (d) { done(d.signInSecondFactor.token); })
          .catch(function (e2) { showSignIn(e2.message); });
      });
  });
  $('signout').addEventListener('click', function () { sessionStorage.removeItem('zr_token'); token = null; showSignIn(); });

  function monthsBack(to, n) { var y = +to.slice(0, 4), m = +to.slice(5, 7) - n; while (m <= 0) { m += 12; y--; } return y + '-' + String(m).padStart(2, '0'); }

  var period = null;
  function download(ext) {
    if (!period) return;
    var url = '/exports/burden-statistics.' + ext + '?region=' + encodeURIComponent(region) + '&groupBy=TOWNSHIP&from=' + period.from + '&to=' + period.to + '&compare=1';
    fetch(url, { headers: { authorization: 'Bearer ' + token } }).then(function (r) {
      if (!r.ok) throw new Error('导出失败（' + r.status + '）');
      return r.blob();
    }).then(function (blob) {
      var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = '负担统计_' + region + '_' + period.from + '_' + period.to + '.' + ext;
      document.body.appendChild(a); a.click(); setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }).catch(function (e) { alert(e.message); });
  }
  $('csv').addEventListener('click', function () { download('csv'); });
  $('xlsx').addEventListener('click', function () { download('xlsx'); });

  var VALUES = 'values { indicator label unit value baseline change changePercent }';
  function load() {
    if (!token) { showSignIn(); return; }
    $('signin').hidden = true;
    var now = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7);
    var from = monthsBack(now, 11);
    gql('query($r: String!, $f: Month!, $t: Month!, $c: [BurdenIndicator!], $tr: [BurdenIndicator!]) {' +
        ' burdenIndicators { indicator label unit higherIsBetter }' +
        ' stats: burdenStatistics(regionCode: $r, groupBy: TOWNSHIP, from: $f, to: $t, indicators: $c) { from to baselineMonth refreshedAt region { name code } total { ' + VALUES + ' } rows { key label ' + VALUES + ' } }' +
        ' trend: burdenTrend(regionCode: $r, from: $f, to: $t, indicators: $tr) { rows { month ' + VALUES + ' } }' +
        ' ranking: departmentRanking(regionCode: $r, from: $f, to: $t, indicator: LEDGER_HOURS, first: 10) { entries { rank departmentName value sharePercent } }' +
        '}', { r: region, f: from, t: now, c: CARDS, tr: TREND })
      .then(render)
      .catch(function (e) {
        if (e.code === 'UNAUTHENTICATED') { sessionStorage.removeItem('zr_token'); token = null; showSignIn(e.message); return; }
        $('meta').textContent = '加载失败：' + e.message;
      });
  }

  function render(d) {
    var s = d.stats;
    period = { from: s.from, to: s.to };
    var better = {}; d.burdenIndicators.forEach(function (i) { better[i.indicator] = i.higherIsBetter; });
    $('title').textContent = s.region.name + ' 村（社区）负担统计';
    $('meta').textContent = '统计期间 ' + s.from + ' 至 ' + s.to + ' · 基期 ' + (s.baselineMonth || '未设定') +
      ' · 汇总刷新 ' + (s.refreshedAt ? new Date(s.refreshedAt).toLocaleString('zh-CN', { hour12: false }) : '—');
    $('main').hidden = false;

    var cards = $('cards'); cards.textContent = '';
    s.total.values.forEach(function (v) {
      var c = el('div', 'card');
      c.appendChild(el('div', 'label', v.label));
      var val = el('div', 'value', fmt(v.value)); val.appendChild(el('span', 'unit', v.unit)); c.appendChild(val);
      var cmp = el('div', 'cmp');
      if (v.baseline != null) {
        cmp.appendChild(document.createTextNode('基期 ' + fmt(v.baseline) + ' '));
        // Relative change where there is one; percentage points for shares; the plain difference when the baseline was 0.
        var ratio = v.unit === '%';
        var delta = v.changePercent != null ? v.changePercent : v.change;
        if (delta != null) {
          var good = delta === 0 ? null : (delta < 0) !== !!better[v.indicator];
          var sign = delta > 0 ? '+' : '';
          var text = v.changePercent != null ? sign + delta + '%' : ratio ? sign + delta + ' 个百分点' : sign + fmt(delta) + ' ' + v.unit;
          cmp.appendChild(el('span', good == null ? '' : good ? 'good' : 'bad', text));
        }
      } else cmp.textContent = s.baselineMonth ? '基期无数据' : '未设基期';
      c.appendChild(cmp);
      cards.appendChild(c);
    });

    var colors = ['#7b1e1e', '#1f6fb2', '#127a3b', '#c77700', '#6b4fa1'];
    var rows = d.trend.rows;
    // Every series as an index: its baseline month = 100 (or, without a baseline, its first month that is not 0).
    var datasets = TREND.map(function (key, i) {
      var series = rows.map(function (r) { return r.values.filter(function (x) { return x.indicator === key; })[0] || {}; });
      var base = series.length && series[series.length - 1].baseline;
      if (!base) { var firstNonZero = series.filter(function (v) { return v.value; })[0]; base = firstNonZero ? firstNonZero.value : null; }
      return {
        label: series.length && series[0].label ? series[0].label : key,
        data: series.map(function (v) { return base && v.value != null ? Math.round(1000 * v.value / base) / 10 : null; }),
        borderColor: colors[i], backgroundColor: colors[i], tension: 0.2, pointRadius: 2
      };
    });
    var indexed = true;
    new Chart($('trend'), {
      type: 'line',
      data: { labels: rows.map(function (r) { return r.month; }), datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { title: { display: true, text: indexed ? '指数（基期 = 100）' : '数值' } } },
        plugins: { legend: { position: 'bottom' } } }
    });
    var entries = d.ranking.entries;
    new Chart($('ranking'), {
      type: 'bar',
      data: { labels: entries.map(function (e) { return e.rank + '. ' + e.departmentName; }), datasets: [{ label: '台账报表负担（小时/年）', data: entries.map(function (e) { return e.value; }), backgroundColor: '#b5473a' }] },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } }
    });

    var table = $('table'); table.textContent = '';
    var thead = el('thead'), hr = el('tr'); hr.appendChild(el('th', null, '乡镇（街道）'));
    s.total.values.forEach(function (v) { hr.appendChild(el('th', null, v.label + '（' + v.unit + '）')); });
    thead.appendChild(hr); table.appendChild(thead);
    var tbody = el('tbody');
    [{ label: '合计', values: s.total.values, total: true }].concat(s.rows).forEach(function (r) {
      var tr = el('tr', r.total ? 'total' : null); tr.appendChild(el('td', null, r.label));
      r.values.forEach(function (v) { tr.appendChild(el('td', null, fmt(v.value))); });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    document.body.setAttribute('data-ready', 'true');
  }

  load();
})();
`;

export const DASHBOARD_FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#7b1e1e"/>' +
  '<text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">减</text></svg>';
