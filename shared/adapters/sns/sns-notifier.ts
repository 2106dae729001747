import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { asciiSubject } from '../../domain/alerts/render-alert';
import { AlertDeliveryError } from '../../errors';
import type { AlertMessage, Notifier, PublishReceipt } from '../../ports/notifier';

export interface SnsNotifierOptions {
  client: SNSClient;
  topicArn: string;
}

/**
 * Publishes alerts to the SNS topic. The message attributes (actor, topic, proposition, severity)
 * let an email subscription filter. The SDK retries throttling and transient errors; what still
 * fails is thrown as AlertDeliveryError, so the stream record is reported failed and retried.
 */
export class SnsNotifier implements Notifier {
  readonly channel = 'sns';
  readonly #client: SNSClient;
  readonly #topicArn: string;

  constructor(options: SnsNotifierOptions) {
    this.#client = options.client;
    this.#topicArn = options.topicArn;
  }

  async publish(message: AlertMessage): Promise<PublishReceipt> {
    const attribute = (value: string) => ({ DataType: 'String', StringValue: value });
    try {
      const response = await this.#client.send(
        new PublishCommand({
          TopicArn: this.#topicArn,
          Subject: asciiSubject(message.subject),
          Message: message.body,
          MessageAttributes: {
            actor: attribute(message.attributes.actor),
            topic: attribute(message.attributes.topic),
            proposition: attribute(message.attributes.proposition),
            severity: attribute(message.attributes.severity),
          },
        }),
      );
      if (!response.MessageId) throw new Error('SNS returned no MessageId');
      return { channel: this.channel, messageId: response.MessageId };
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      throw new AlertDeliveryError(`publishing the alert for ${message.contradictionId} to SNS failed (${name})`, {
        details: { channel: this.channel, contradictionId: message.contradictionId, awsError: name },
        cause: error,
      });
    }
  }
}
