import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fanOutNotifier } from '../../../shared/adapters/fan-out-notifier';
import { createEmbeddedNotifier } from '../../../shared/adapters/outbox/embedded-notifier';
import { OutboxNotifier, type OutboxRecord } from '../../../shared/adapters/outbox/outbox-notifier';
import { type MailTransport, SmtpNotifier } from '../../../shared/adapters/smtp/smtp-notifier';
import { renderContradictionAlert } from '../../../shared/domain/alerts/render-alert';
import { isAlertDeliveryError } from '../../../shared/errors';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import type { AlertMessage, Notifier } from '../../../shared/ports/notifier';
import { aContradictionDetected } from '../../support/contradiction-factory';
import { fixedClock } from '../../support/event-factory';

let dataDir: string;
const message = renderContradictionAlert(aContradictionDetected().data);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stancewatch-outbox-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const readOutbox = async (): Promise<OutboxRecord[]> =>
  (await readFile(join(dataDir, 'outbox.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxRecord);

describe('OutboxNotifier', () => {
  it('appends one JSON line per alert and prints a one-line notice', async () => {
    const printed: string[] = [];
    const outbox = new OutboxNotifier({
      dataDir,
      ids: createUlidGenerator(),
      clock: fixedClock(),
      console: { write: (text) => printed.push(text) },
    });
    const receipt = await outbox.publish(message);

    expect(receipt.channel).toBe('outbox');
    expect(await readOutbox()).toEqual([
      {
        id: receipt.messageId,
        publishedAt: '2026-11-26T12:00:00.000Z',
        contradictionId: message.contradictionId,
        subject: 'Ukraine contradicts itself on territory',
        attributes: message.attributes,
        body: message.body,
      },
    ]);
    expect(printed).toEqual([
      `[alert] Ukraine contradicts itself on territory (high; ${message.contradictionId}) -> ${join(dataDir, 'outbox.jsonl')}\n`,
    ]);
  });

  it('keeps lines whole when many alerts are published at once', async () => {
    const outbox = new OutboxNotifier({
      dataDir,
      ids: createUlidGenerator(),
      clock: fixedClock(),
      console: { write: () => true },
    });
    const big = { ...message, body: 'x'.repeat(70_000) };
    await Promise.all(
      Array.from({ length: 25 }, (_, index) => outbox.publish({ ...big, contradictionId: `ctr-${index}` })),
    );
    const records = await readOutbox();
    expect(records.map((record) => record.contradictionId).sort()).toEqual(
      Array.from({ length: 25 }, (_, index) => `ctr-${index}`).sort(),
    );
  });

  it('throws an AlertDeliveryError when it cannot write', async () => {
    const blocker = join(dataDir, 'blocker');
    await writeFile(blocker, 'a file where the data directory should be');
    const outbox = new OutboxNotifier({
      dataDir: join(blocker, 'data'),
      ids: createUlidGenerator(),
      clock: fixedClock(),
      console: { write: () => true },
    });
    expect(isAlertDeliveryError(await outbox.publish(message).catch((caught) => caught))).toBe(true);
  });
});

describe('SmtpNotifier', () => {
  it('emails the same subject and body, with filterable headers', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true }) as unknown as MailTransport;
    const smtp = new SmtpNotifier({ transport, from: 'stancewatch@example.org', to: 'desk@example.org' });
    const receipt = await smtp.publish(message);
    expect(receipt.channel).toBe('smtp');
    expect(receipt.messageId).toMatch(/@/);
  });

  it('throws an AlertDeliveryError when the server refuses', async () => {
    const smtp = new SmtpNotifier({
      transport: { sendMail: async () => Promise.reject(new Error('550 mailbox unavailable')) },
      from: 'a@example.org',
      to: 'b@example.org',
    });
    expect(isAlertDeliveryError(await smtp.publish(message).catch((caught) => caught))).toBe(true);
  });
});

describe('fanOutNotifier', () => {
  const recording = (channel: string, failures = 0) => {
    const sent: AlertMessage[] = [];
    let toFail = failures;
    const notifier: Notifier = {
      channel,
      publish: async (alert) => {
        if (toFail-- > 0) throw new Error(`${channel} down`);
        sent.push(alert);
        return { channel, messageId: `${channel}-${sent.length}` };
      },
    };
    return { notifier, sent };
  };

  it('sends through every channel and names them all in the receipt', async () => {
    const outbox = recording('outbox');
    const smtp = recording('smtp');
    expect(await fanOutNotifier([outbox.notifier, smtp.notifier]).publish(message)).toEqual({
      channel: 'outbox+smtp',
      messageId: 'outbox:outbox-1 smtp:smtp-1',
    });
  });

  it('fails when one channel fails, and on retry only re-sends to that channel', async () => {
    const outbox = recording('outbox');
    const smtp = recording('smtp', 1);
    const both = fanOutNotifier([outbox.notifier, smtp.notifier]);
    expect(isAlertDeliveryError(await both.publish(message).catch((caught) => caught))).toBe(true);
    await both.publish(message);
    expect(outbox.sent).toHaveLength(1);
    expect(smtp.sent).toHaveLength(1);
  });
});

describe('createEmbeddedNotifier', () => {
  it('is the outbox alone unless SMTP is configured, and then needs a recipient', async () => {
    const base = { dataDir, ids: createUlidGenerator(), clock: fixedClock(), console: { write: () => true } };
    expect(createEmbeddedNotifier(base).channel).toBe('outbox');
    expect(() => createEmbeddedNotifier({ ...base, smtpUrl: 'smtp://localhost:2525' })).toThrow(/STANCEWATCH_ALERT_TO/);
    const transport = nodemailer.createTransport({ jsonTransport: true }) as unknown as MailTransport;
    const both = createEmbeddedNotifier({ ...base, smtpTransport: transport, alertTo: 'desk@example.org' });
    expect(both.channel).toBe('outbox+smtp');
    await both.publish(message);
    expect(await readOutbox()).toHaveLength(1);
  });
});
