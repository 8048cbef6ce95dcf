/**
 * Where uploaded files live. The local directory ($ONESTOP_DATA_DIR/uploads) is the default;
 * an S3-compatible store implements the same calls for several app instances.
 */
export type TStorage = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /**
   * Stores a file already on disk (an upload received as a stream) without reading it into
   * memory; `sha256` is its hex digest, computed while it arrived. The file may be moved away.
   */
  putFile(
    key: string,
    file: { path: string; size: number; sha256: string },
    contentType: string,
  ): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
};
