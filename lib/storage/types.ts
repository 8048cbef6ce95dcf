/**
 * Where uploaded files live. The local directory ($ONESTOP_DATA_DIR/uploads) is the default;
 * an S3-compatible store implements the same three calls for several app instances.
 */
export type TStorage = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
};
