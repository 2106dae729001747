/** Small pieces of human-readable output shared by the domain's formatters. No I/O. */

export const POLARITY_MARK = { support: '+', oppose: '-', conditional: '~' } as const;

/** Cuts a text to `width` characters, with an ellipsis when cut. */
export const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
