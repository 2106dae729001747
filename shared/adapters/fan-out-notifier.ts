import { AlertDeliveryError } from '../errors';
import type { AlertMessage, Notifier, PublishReceipt } from '../ports/notifier';

/**
 * Sends each alert through every notifier (e.g. outbox + SMTP). If one fails, the error is thrown
 * so the record is retried, and the channels that already succeeded are remembered (in this
 * process) so the retry only goes to the failed ones.
 */
export function fanOutNotifier(notifiers: readonly Notifier[]): Notifier {
  if (notifiers.length === 0) throw new Error('fanOutNotifier needs at least one notifier');
  if (notifiers.length === 1) return notifiers[0] as Notifier;
  const channel = notifiers.map((notifier) => notifier.channel).join('+');
  const partial = new Map<string, Map<string, PublishReceipt>>();
  return {
    channel,
    async publish(message: AlertMessage): Promise<PublishReceipt> {
      const delivered = partial.get(message.contradictionId) ?? new Map<string, PublishReceipt>();
      const failures: unknown[] = [];
      for (const notifier of notifiers) {
        if (delivered.has(notifier.channel)) continue;
        try {
          delivered.set(notifier.channel, await notifier.publish(message));
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) {
        partial.set(message.contradictionId, delivered);
        throw new AlertDeliveryError(
          `alert ${message.contradictionId} failed on ${failures.length} of ${notifiers.length} channels`,
          { details: { channel, contradictionId: message.contradictionId }, cause: failures[0] },
        );
      }
      partial.delete(message.contradictionId);
      return {
        channel,
        messageId: [...delivered.values()].map((receipt) => `${receipt.channel}:${receipt.messageId}`).join(' '),
      };
    },
  };
}
