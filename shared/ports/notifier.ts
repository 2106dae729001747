import type { Severity } from '../../events/position-events';

/** One alert about one contradiction, rendered for a person. */
export interface AlertMessage {
  contradictionId: string;
  /** One line, readable at a glance: "Ukraine contradicts itself on territory". */
  subject: string;
  /** Plain-text body with both quotes, dates, speakers, sources and the contradiction id. */
  body: string;
  /** Becomes SNS message attributes, so email subscriptions can filter. */
  attributes: { actor: string; topic: string; proposition: string; severity: Severity };
}

export interface PublishReceipt {
  channel: string;
  messageId: string;
}

/** Sends alerts: SNS on AWS, the outbox file (and optionally SMTP) in embedded mode. */
export interface Notifier {
  readonly channel: string;
  publish(message: AlertMessage): Promise<PublishReceipt>;
}
