import { FindingSeverity } from '../enums';
import type { Finding, Rule } from './types';

/** New systems must not add terminals or apps in communities unless integrated with the one-stop platform (BLOCKING). */
export const terminalRule: Rule = {
  code: 'NEW_TERMINAL_OR_APP',
  severity: FindingSeverity.BLOCKING,
  description: '新建业务应用系统不得在村（社区）单设服务终端或应用，除非已接入一体化政务服务平台。',
  check(app): Finding[] {
    if (!(app.wantsTerminal || app.wantsApp) || app.integratedWithPlatform) return [];
    const what = [app.wantsTerminal && '服务终端', app.wantsApp && '应用'].filter(Boolean).join('和');
    return [
      {
        code: this.code,
        severity: this.severity,
        message: `要求在村（社区）新设${what}${app.appName ? `（${app.appName}）` : ''}且未接入一体化政务服务平台，不予准入。`,
        messageEn: 'Asks for a new terminal or app in communities that is not integrated with the one-stop platform.',
        evidence: app.appName ? [{ kind: 'App', id: null, label: app.appName }] : [],
      },
    ];
  },
};
