/**
 * A text as OOXML writes it, `_xHHHH_` for what an XML text cannot hold (the C0 controls but tab
 * and line feed, and DEL) and `_x005F_` before a text that reads like such an escape. exceljs
 * reads these back into the character, but writes a carriage return as it is (which XML readers
 * turn into a line feed) and leaves out the other control characters, so the joined workbook
 * would lose what each chunk held. (The report engine writes its workbooks by the same rule.)
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the pattern is for
const NEEDS_ESCAPE = /_x[0-9a-fA-F]{4}_|[\u0000-\u0008\u000b-\u001f\u007f]/g;
const asOoxmlText = (text: string): string =>
  text.replace(NEEDS_ESCAPE, (match) =>
    match.length > 1 ? `_x005F${match}` : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );

/**
 * Joins workbooks of the same report into one: the first sheet of each after the first loses its
 * header row and is appended to the first workbook's first sheet, cell values and number formats
 * (durations, dates) kept. Returns the bytes and the data rows.
 */
export async function joinXlsx(files: readonly Uint8Array[]): Promise<{ bytes: Uint8Array; rows: number }> {
  // Loaded here, not at start-up: most runs never join a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const load = async (bytes: Uint8Array) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('A chunk came back as a workbook without a sheet');
    return { workbook, sheet };
  };
  const [first, ...rest] = files;
  if (!first) throw new Error('Nothing to join');
  const target = await load(first);
  for (const bytes of rest) {
    const { sheet } = await load(bytes);
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const added = target.sheet.addRow(row.values);
      row.eachCell((cell, column) => {
        if (cell.numFmt) added.getCell(column).numFmt = cell.numFmt;
      });
    });
  }
  target.sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.value = asOoxmlText(cell.value);
    }),
  );
  const bytes = new Uint8Array(await target.workbook.xlsx.writeBuffer());
  return { bytes, rows: target.sheet.actualRowCount - 1 };
}
