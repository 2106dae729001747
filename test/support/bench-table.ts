/** Small helpers shared by bench/pipeline.bench.ts and bench/cost.bench.ts. */

/** The q-quantile (0..1) of the values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Prints rows as an aligned plain-text table (numbers right-aligned), for terminals and docs. */
export function printTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [headers.map(String), ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[], numeric: (column: number) => boolean) =>
    `| ${row
      .map((cell, column) =>
        numeric(column) ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number),
      )
      .join(' | ')} |`;
  const isNumeric = (column: number) => rows.every((row) => typeof row[column] === 'number');
  console.log(line(cells[0] as string[], () => false));
  console.log(
    `|${widths.map((width, column) => (isNumeric(column) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`,
  );
  for (const row of cells.slice(1)) console.log(line(row, isNumeric));
}

export const round = (value: number, digits = 1): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
