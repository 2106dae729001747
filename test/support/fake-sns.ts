import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Publish the fake topic accepted. */
export interface ReceivedPublish {
  messageId: string;
  topicArn: string;
  subject: string | undefined;
  message: string;
  attributes: Record<string, string>;
}

export interface FakeSns {
  endpoint: string;
  received: ReceivedPublish[];
  close(): Promise<void>;
}

/**
 * A minimal SNS endpoint on loopback speaking the Query protocol the SDK uses for SNS: it accepts
 * `Action=Publish`, remembers each message (subject, body, String message attributes) and answers
 * with a MessageId. The real SNSClient (createSnsClient, NodeHttpHandler) talks to it over HTTP,
 * so fault injection in the client's middleware stack sees real requests and real answers.
 */
export async function startFakeSns(): Promise<FakeSns> {
  const received: ReceivedPublish[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const requestId = randomUUID();
      if (form.get('Action') !== 'Publish') {
        response.writeHead(400, { 'content-type': 'text/xml' });
        response.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>only Publish</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        );
        return;
      }
      const attributes: Record<string, string> = {};
      for (let index = 1; form.has(`MessageAttributes.entry.${index}.Name`); index++) {
        attributes[form.get(`MessageAttributes.entry.${index}.Name`) as string] =
          form.get(`MessageAttributes.entry.${index}.Value.StringValue`) ?? '';
      }
      const messageId = randomUUID();
      received.push({
        messageId,
        topicArn: form.get('TopicArn') ?? '',
        subject: form.get('Subject') ?? undefined,
        message: form.get('Message') ?? '',
        attributes,
      });
      response.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      response.end(
        '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
          `<PublishResult><MessageId>${messageId}</MessageId></PublishResult>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
