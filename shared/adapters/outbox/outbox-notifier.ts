import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { AlertDeliveryError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/id-generator';
import type { AlertMessage, Notifier, PublishReceipt } from '../../ports/notifier';

export const OUTBOX_FILE = 'outbox.jsonl';

/** One line of outbox.jsonl. */
export interface OutboxRecord {
  id: string;
  publishedAt: string;
  contradictionId: string;
  subject: string;
  attributes: AlertMessage['attributes'];
  body: string;
}

export interface OutboxNotifierOptions {
  dataDir: string;
  ids: IdGenerator;
  clock: Clock;
  /** Where the one-line notice goes (default: stderr, so `--json` stdout stays clean). */
  console?: { write(text: string): unknown };
}

/**
 * The embedded mode's alert channel: appends one JSON line per alert to `<dataDir>/outbox.jsonl`
 * (single write, fsync before reporting success, appends serialised within the process) and
 * prints a one-line notice.
 */
export class OutboxNotifier implements Notifier {
  readonly channel = 'outbox';
  readonly path: string;
  readonly #options: OutboxNotifierOptions;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: OutboxNotifierOptions) {
    this.#options = options;
    this.path = join(options.dataDir, OUTBOX_FILE);
  }

  publish(message: AlertMessage): Promise<PublishReceipt> {
    const result = this.#queue.then(() => this.#append(message));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #append(message: AlertMessage): Promise<PublishReceipt> {
    const record: OutboxRecord = {
      id: this.#options.ids.next(),
      publishedAt: this.#options.clock.now().toISOString(),
      contradictionId: message.contradictionId,
      subject: message.subject,
      attributes: message.attributes,
      body: message.body,
    };
    try {
      await mkdir(this.#options.dataDir, { recursive: true });
      const handle = await open(this.path, 'a');
      try {
        await handle.write(`${JSON.stringify(record)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new AlertDeliveryError(`writing the alert for ${message.contradictionId} to the outbox failed`, {
        details: { channel: this.channel, contradictionId: message.contradictionId },
        cause: error,
      });
    }
    const out = this.#options.console ?? process.stderr;
    out.write(
      `[alert] ${message.subject} (${message.attributes.severity}; ${message.contradictionId}) -> ${this.path}\n`,
    );
    return { channel: this.channel, messageId: record.id };
  }
}
