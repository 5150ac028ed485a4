/** Joins PDF documents into one, the pages of each in order. */
export async function joinPdf(files: readonly Uint8Array[]): Promise<Uint8Array> {
  // Loaded here, not at start-up: most runs never join a document.
  const { PDFDocument } = await import('pdf-lib');
  const joined = await PDFDocument.create();
  for (const bytes of files) {
    const document = await PDFDocument.load(bytes);
    for (const page of await joined.copyPages(document, document.getPageIndices())) joined.addPage(page);
  }
  return joined.save();
}
