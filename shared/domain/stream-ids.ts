/** Stream naming, in one place so every writer and reader agrees. */
export const documentStreamId = (documentId: string) => `document/${documentId}`;
export const positionStreamId = (actor: string, topic: string, proposition: string) =>
  `position/${actor}/${topic}/${proposition}`;
export const alertStreamId = (contradictionId: string) => `alert/${contradictionId}`;

export const isDocumentStream = (streamId: string) => streamId.startsWith('document/');
