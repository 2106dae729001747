import nodemailer from 'nodemailer';
import { AlertDeliveryError } from '../../errors';
import type { AlertMessage, Notifier, PublishReceipt } from '../../ports/notifier';

/** The part of a nodemailer transport the notifier uses (tests pass a stub or a JSON transport). */
export interface MailTransport {
  sendMail(options: {
    from: string;
    to: string | string[];
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<{ messageId?: string }>;
}

export interface SmtpNotifierOptions {
  transport: MailTransport;
  from: string;
  to: string | string[];
}

/** Builds a transport from a URL such as smtp://user:pass@mail.example.org:587 (STANCEWATCH_SMTP_URL). */
export const createSmtpTransport = (url: string): MailTransport => nodemailer.createTransport(url) as MailTransport;

/** Optional embedded channel: emails each alert, with the same subject and body as SNS. */
export class SmtpNotifier implements Notifier {
  readonly channel = 'smtp';
  readonly #options: SmtpNotifierOptions;

  constructor(options: SmtpNotifierOptions) {
    this.#options = options;
  }

  async publish(message: AlertMessage): Promise<PublishReceipt> {
    try {
      const info = await this.#options.transport.sendMail({
        from: this.#options.from,
        to: this.#options.to,
        subject: message.subject,
        text: message.body,
        headers: {
          'X-Stancewatch-Contradiction': message.contradictionId,
          'X-Stancewatch-Actor': message.attributes.actor,
          'X-Stancewatch-Topic': message.attributes.topic,
          'X-Stancewatch-Severity': message.attributes.severity,
        },
      });
      return { channel: this.channel, messageId: info.messageId ?? message.contradictionId };
    } catch (error) {
      throw new AlertDeliveryError(`emailing the alert for ${message.contradictionId} failed`, {
        details: { channel: this.channel, contradictionId: message.contradictionId },
        cause: error,
      });
    }
  }
}
