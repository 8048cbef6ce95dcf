/** An expected failure a domain function reports back to a form: an errors-namespace key and the field it belongs to. */
export class FormError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
  ) {
    super(key);
  }
}

/** Nothing the actor may see: pages answer 404, the API `{"error":{"code":"not_found"}}`. */
export class NotFoundError extends Error {
  constructor(what = "not found") {
    super(what);
  }
}
