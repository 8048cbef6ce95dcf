/** A stored file in an API answer: what it is, and where GET /api/v1/files/{id} serves it. */
export function fileJson(file: { id: string; fileName: string; size: number }) {
  return { id: file.id, fileName: file.fileName, size: file.size, url: `/api/v1/files/${file.id}` };
}
