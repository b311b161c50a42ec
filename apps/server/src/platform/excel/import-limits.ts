/**
 * What an import reads at most. A file past a cap is refused with the cap in the message; the
 * figures allow a 200,000-row ledger with room to spare.
 */
export const IMPORT_LIMITS = {
  /** The last row number a sheet may use (Excel allows 1,048,576). */
  maxRows: 250_000,
  /** Cells with a value, over all sheets of one file. */
  maxCells: 4_000_000,
  /** Columns read per row; cells further right are counted but not read. */
  maxColumns: 200,
  /** Problems returned in a preview; the full list is a download. */
  problemsShown: 200,
} as const;

export const thousands = (n: number) => n.toLocaleString('en-US');
