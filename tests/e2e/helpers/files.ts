/** Small real files for upload tests. */
export const pdfFile = {
  name: "id-card.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  ),
};

/** A text file that only pretends to be a PDF by its name and declared type. */
export const fakePdf = {
  name: "looks-like.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("MZ this is not a PDF at all\n"),
};
