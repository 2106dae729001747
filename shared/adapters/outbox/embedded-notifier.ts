import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/id-generator';
import type { Notifier } from '../../ports/notifier';
import { fanOutNotifier } from '../fan-out-notifier';
import { createSmtpTransport, type MailTransport, SmtpNotifier } from '../smtp/smtp-notifier';
import { OutboxNotifier } from './outbox-notifier';

export interface EmbeddedNotifierOptions {
  dataDir: string;
  ids: IdGenerator;
  clock: Clock;
  /** STANCEWATCH_SMTP_URL: also email each alert when set. */
  smtpUrl?: string;
  /** STANCEWATCH_ALERT_TO: required with smtpUrl (comma-separated addresses). */
  alertTo?: string;
  /** STANCEWATCH_ALERT_FROM: default "stancewatch@localhost". */
  alertFrom?: string;
  console?: { write(text: string): unknown };
  /** Tests inject a transport instead of a URL. */
  smtpTransport?: MailTransport;
}

/** The embedded alert channels: the outbox file always, SMTP too when configured. */
export function createEmbeddedNotifier(options: EmbeddedNotifierOptions): Notifier {
  const outbox = new OutboxNotifier({
    dataDir: options.dataDir,
    ids: options.ids,
    clock: options.clock,
    ...(options.console ? { console: options.console } : {}),
  });
  if (!options.smtpUrl && !options.smtpTransport) return outbox;
  const to = (options.alertTo ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  if (to.length === 0)
    throw new Error('STANCEWATCH_SMTP_URL is set but STANCEWATCH_ALERT_TO is not: who gets the email?');
  const transport = options.smtpTransport ?? createSmtpTransport(options.smtpUrl as string);
  return fanOutNotifier([
    outbox,
    new SmtpNotifier({ transport, from: options.alertFrom ?? 'stancewatch@localhost', to }),
  ]);
}
