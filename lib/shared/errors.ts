/** An expected failure a domain function reports back to a form: an errors-namespace key and the field it belongs to. */
export class FormError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
  ) {
    super(key);
  }
}
