import type { IdGenerator } from '../../ports/id-generator';
import type { AlertMessage, Notifier, PublishReceipt } from '../../ports/notifier';

/**
 * The alert channel of an in-memory installation (tests, benchmarks): keeps every message, so
 * nothing is written to the working directory.
 */
export class MemoryNotifier implements Notifier {
  readonly channel = 'memory';
  readonly sent: AlertMessage[] = [];

  constructor(private readonly ids: IdGenerator) {}

  async publish(message: AlertMessage): Promise<PublishReceipt> {
    this.sent.push(message);
    return { channel: this.channel, messageId: this.ids.next() };
  }
}
