import { StancewatchError } from './stancewatch-error';

/** A notifier (SNS, SMTP, the outbox file) could not deliver an alert after its own retries. */
export class AlertDeliveryError extends StancewatchError {
  readonly code = 'ALERT_DELIVERY_FAILED';
}

export const isAlertDeliveryError = (error: unknown): error is AlertDeliveryError =>
  error instanceof AlertDeliveryError;
