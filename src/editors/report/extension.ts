/**
 * "Bericht" typed in the LaKI channel: the weekly report card for the last seven days (today
 * included), at once, in the thread. Only in the configured LaKI channel of the configured tenant
 * (the same check as ticket actions); everywhere else a polite refusal, since the report shows
 * what municipal staff asked.
 */
import type { Application } from '@microsoft/teams-ai';
import { MessageFactory } from 'botbuilder';
import type { AppExtension, AppTurnState } from '../../bot';
import { isFromLakiChannel, type LakiChannelIdentity } from '../../escalation';
import type { Logger } from '../../logger';
import type { WeeklyReport } from './weeklyReport';
import { WeeklyReportText as T } from './weeklyMessages';

/** "Bericht" on its own (after the @mention teams-ai removes), optionally with a full stop. */
export const REPORT_COMMAND_PATTERN = /^\s*(?:wochen)?bericht\s*[.!]?\s*$/i;

export interface WeeklyReportExtensionDeps {
  readonly report: WeeklyReport;
  readonly lakiChannel: LakiChannelIdentity;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/** The "Bericht" command as a bot feature; pass it in `createApp({ extensions: [...] })`. */
export function createWeeklyReportExtension(deps: WeeklyReportExtensionDeps): AppExtension {
  const clock = deps.clock ?? (() => new Date());
  return {
    name: 'weekly-report',
    register(app: Application<AppTurnState>) {
      app.message(REPORT_COMMAND_PATTERN, async (context) => {
        const activity = context.activity;
        if (!isFromLakiChannel(activity, deps.lakiChannel)) {
          deps.logger.info({ conversationType: activity.conversation?.conversationType }, 'report refused: not in the LaKI channel');
          await context.sendActivity(T.onlyInLakiChannel);
          return;
        }
        let card;
        try {
          card = await deps.report.card(clock());
        } catch (error) {
          deps.logger.error({ err: error }, 'report on demand failed');
          await context.sendActivity(T.failed);
          return;
        }
        await context.sendActivity(MessageFactory.attachment(card));
        deps.logger.info({}, 'report sent on demand');
      });
    },
  };
}
