import { searchTypes } from "../search/entries";

/**
 * The OpenAPI 3.1 description of /api/v1, the contract API clients build on. A test checks that every route file
 * under app/api/v1 is described here.
 */
type TQueryParam =
  string | { name: string; required?: boolean; description: string; schema: Record<string, unknown> };
type TOp = {
  summary: string;
  description?: string;
  auth?: boolean;
  /** called by a system with an administrator's service token, not a citizen */
  service?: boolean;
  query?: TQueryParam[];
  body?: "json" | "multipart";
  /** the JSON body's schema, where it is more than an object */
  bodySchema?: Record<string, unknown>;
  header?: string;
  responses: Record<string, string>;
  /** a success answer's schema, where it is more than an object */
  okSchema?: Record<string, unknown>;
};

const error = { $ref: "#/components/schemas/Error" };
const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
const op = (
  path: string,
  { summary, description, auth, service, query = [], body, bodySchema, header, responses, okSchema }: TOp,
) => ({
  summary,
  ...(description ? { description } : {}),
  ...(auth ? { security: [{ bearer: [] }, { session: [] }] } : {}),
  ...(service ? { security: [{ serviceToken: [] }] } : {}),
  parameters: [
    ...pathParams(path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...query.map((q) =>
      typeof q === "string"
        ? { name: q, in: "query", required: false, schema: { type: "string" } }
        : { in: "query", required: false, ...q },
    ),
    ...(header ? [{ name: header, in: "header", required: true, schema: { type: "string" } }] : []),
  ],
  ...(body === "json"
    ? {
        requestBody: {
          required: true,
          content: { "application/json": { schema: bodySchema ?? { type: "object" } } },
        },
      }
    : {}),
  ...(body === "multipart"
    ? {
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
            },
          },
        },
      }
    : {}),
  responses: Object.fromEntries(
    Object.entries(responses).map(([code, description]) => [
      code,
      {
        description,
        content: {
          "application/json": { schema: code.startsWith("2") ? (okSchema ?? { type: "object" }) : error },
        },
      },
    ]),
  ),
});

/** 代办: the principal a case was filed for (null when the applicant filed for themselves). */
const principalSchema = {
  type: ["object", "null"],
  description: "代办: the person the case was filed for; null when the account holder applied for themselves",
  properties: {
    name: { type: "string", description: "The principal's name" },
    idNumber: { type: "string", description: "The principal's 公民身份号码" },
  },
  required: ["name", "idNumber"],
};

const applicationBody = {
  type: "object",
  required: ["serviceCode"],
  properties: {
    serviceCode: { type: "string", maxLength: 64, description: "The service's 事项编码 (GET /services)" },
    answers: {
      type: "object",
      description:
        "The form's answers by field name (GET /services/{code} gives the form): a string of at most 5000 characters, or a list for checkboxes. " +
        "A real-name account's name and ID number (fullName, idNumber) or credit code are taken from its verified identity, whatever is sent; for a 代办 they are the principal's",
      additionalProperties: {
        oneOf: [
          { type: "string", maxLength: 5000 },
          { type: "array", items: { type: "string", maxLength: 5000 }, maxItems: 100 },
        ],
      },
    },
    uploads: {
      type: "object",
      description: "Upload ids (from POST /uploads) by the form's file field names",
      additionalProperties: { type: "string", maxLength: 64 },
    },
    onBehalf: {
      type: "object",
      description:
        "代办: applying for someone else (the principal), with the power of attorney they signed (授权委托书). " +
        "Leave it out to apply for yourself. Errors name onBehalfName, onBehalfIdNumber and onBehalfDeclaration in the 422's fields: " +
        "required, tooLongMax|50, idCardInvalid (not an 18-character 公民身份号码 with a right check digit), onBehalfSelf (the principal is the account holder), " +
        "onBehalfDeclarationRequired (no such upload of the caller's, or one already used by a case), fileType (not PDF, JPEG or PNG), fileTooLarge|10 (over 10 MB)",
      required: ["name", "idNumber", "declaration"],
      properties: {
        name: {
          type: "string",
          maxLength: 100,
          description: "The principal's name (at most 50 characters are accepted)",
        },
        idNumber: {
          type: "string",
          maxLength: 30,
          description: "The principal's 公民身份号码 (18 characters, checksum checked)",
        },
        declaration: {
          type: "string",
          maxLength: 64,
          description:
            "The id of the signed declaration's upload (POST /uploads; PDF, JPEG or PNG, at most 10 MB), not yet part of a case; it joins the case's files",
        },
      },
    },
  },
};

/** A public catalogue: its filters are query parameters, and a bad one is answered 400. */
const publicList = (summary: string, query: string[], found: string): TOp => ({
  summary,
  query,
  responses: { "200": found, "400": "Bad filter" },
});
/** One public item by its key in the path; an unknown key is answered 404. */
const publicItem = (summary: string, found: string, unknown: string): TOp => ({
  summary,
  responses: { "200": found, "404": unknown },
});

/** Every call as `"method /path"`; a path's `{parameters}` are read from the path itself. */
const operations: Record<string, TOp> = {
  "get /services": publicList("The service catalogue", ["audience", "theme", "department", "q"], "Services"),
  "get /services/{code}": publicItem(
    "A service's full guide with its form definition",
    "Guide",
    "Unknown service",
  ),
  "get /documents": publicList(
    "The proactive-disclosure catalogue",
    ["q", "category", "department", "year", "docType", "page"],
    "Documents",
  ),
  "get /documents/{unit}/{serial}": {
    summary:
      "A document by its 索引号 (unit/year-serial; the unit is the department's code, or its 18-character 统一社会信用代码 where it numbers by it), with interprets ({indexNo, title, titleEn} of the published original it interprets, or null) and interpretations (its published 政策解读, the same shape). A former 索引号 redirects permanently (308) to the current one",
    responses: {
      "200": "Document",
      "308": "Former 索引号: Location is the current address",
      "404": "Unknown document",
    },
  },
  "get /notices": publicList("Current community notices", ["community", "category", "page"], "Notices"),
  "get /notices/{id}": publicItem("A notice (expired ones too)", "Notice", "Unknown notice"),
  "get /search": {
    summary: "One search over services, documents, notices and published letters; each item has a type",
    description:
      "Chinese-aware: a phrase is found inside longer words (生活保障 finds 最低生活保障), Traditional queries find Simplified text, English queries find English titles, " +
      "and administrators' synonyms are searched too (低保 ⇄ 最低生活保障). Ranked: exact title, title, 编码/文号/主题词/申请材料, then body; newest first within each. " +
      "Answer: {q, type, items: [{type, id, title, titleMarks, snippet, snippetMarks, url, date}], counts: {service, document, notice, letter}, more: [types with more matches than read], total, page, pages, terms}; " +
      "with no result also suggestions (closest services) and the hotline.",
    query: [
      {
        name: "q",
        required: true,
        description: "What to look for, 1–100 characters",
        schema: { type: "string", minLength: 1, maxLength: 100 },
      },
      {
        name: "type",
        description: "Only this type of result",
        schema: { type: "string", enum: [...searchTypes] },
      },
      {
        name: "page",
        description: "Page of 10 results, 1–50",
        schema: { type: "integer", minimum: 1, maximum: 50, default: 1 },
      },
      {
        name: "locale",
        description: "Language of titles, excerpts and URLs",
        schema: { type: "string", enum: ["zh-Hans", "zh-Hant", "en"], default: "zh-Hans" },
      },
    ],
    responses: { "200": "Results", "400": "No query, or a bad type or page" },
  },
  "post /uploads": {
    summary: "Upload a file; its type is checked by its bytes",
    auth: true,
    body: "multipart",
    responses: {
      "201": "{id, fileName, mimeType, size}",
      "401": "Not signed in",
      "422": "Wrong type or too large",
    },
  },
  "get /applications": {
    summary: "The caller's own cases, newest first, 50 a page",
    auth: true,
    query: [
      {
        name: "page",
        description: "Page, from 1",
        schema: { type: "integer", minimum: 1, default: 1 },
      },
    ],
    responses: { "200": "{items, page, pages, total}", "400": "Bad page", "401": "Not signed in" },
  },
  "post /applications": {
    summary: "Submit an application once per Idempotency-Key",
    description:
      "For yourself, or for someone else (代办) with onBehalf: the case then records the principal, the account holder as agent (with the identity the platform verified) and the declaration among its files. " +
      "A 422 answers {error: {code: invalid_answers, message, fields: {fieldName: errorCode}}}; error codes are keys of the portal's errors messages, with a limit after | (tooLongMax|50).",
    auth: true,
    body: "json",
    bodySchema: applicationBody,
    header: "Idempotency-Key",
    responses: {
      "201": "{trackingNumber, accessCode, status}",
      "200": "The same key again: the same body",
      "400": "Bad request or no key",
      "401": "Not signed in",
      "404": "Unknown service",
      "422":
        "Invalid answers or 代办 details (fields name them: answers' field names, onBehalfName, onBehalfIdNumber, onBehalfDeclaration)",
    },
  },
  "post /letters": {
    summary: "File a 12345 hotline work order as a letter (channel 热线电话), once per Idempotency-Key",
    description:
      "For the hotline system, with a service token an administrator made under /staff/hotline. Body (JSON, at most 32 KB): " +
      "{kind: CONSULTATION|SUGGESTION|COMPLAINT|HELP|REPORT, mailbox: MAYOR or a department code, subject (≤100), content (≤5000), " +
      "consentToPublish: boolean, callerPhone: a mobile or a landline with its area code, externalRef?: the hotline's own work-order number (≤64)}. " +
      "The caller's number is kept for the mailbox's handlers only: it is never answered back, published, exported or sent in a webhook. " +
      "The letter's steps then reach the hotline's registered endpoint as signed webhooks (see webhooks.letterStep).",
    service: true,
    body: "json",
    header: "Idempotency-Key",
    responses: {
      "201": "{number, accessCode, status}: the letter was made and committed",
      "200": "The same key again: the same body, no second letter",
      "400": "Bad JSON, fields not valid (fields name them) or no key",
      "401": "No service token, or one revoked",
      "413": "Body over 32 KB",
      "415": "Not sent as application/json",
      "422": "Unknown mailbox",
    },
  },
  "get /letters/{number}": {
    summary: "A hotline work order as an Open311 service request (service token)",
    description:
      "The same service_request object the webhooks carry: {service_request_id, external_ref, status, letter_status, service_code, " +
      "agency_responsible, requested_datetime, updated_datetime, expected_datetime, status_notes, rating}. Letters that did not " +
      "come by the hotline are not found.",
    service: true,
    responses: { "200": "Service request", "401": "No service token", "404": "Not a hotline letter" },
  },
  "get /applications/{trackingNumber}": {
    summary: "One of the caller's cases with its public timeline",
    description:
      "{trackingNumber, accessCode, status, service: {code, name, nameEn}, submittedAt, promisedDue, onBehalf: {name, idNumber} | null, events: [{kind, status, reason, at, missing?}]}",
    okSchema: {
      type: "object",
      properties: { onBehalf: principalSchema },
    },
    auth: true,
    responses: { "200": "Case", "401": "Not signed in", "404": "Not the caller's case" },
  },
  "get /files/{id}": {
    summary: "A stored file, for those who may see it",
    auth: true,
    responses: { "200": "The file", "404": "Not found" },
  },
  "get /tokens": {
    summary: "The caller's personal tokens (session cookie only)",
    auth: true,
    responses: { "200": "Tokens", "401": "Not signed in" },
  },
  "post /tokens": {
    summary: "Make a personal token; the token is shown once",
    auth: true,
    body: "json",
    responses: { "201": "{id, name, token}", "401": "Not signed in", "422": "Bad name" },
  },
  "delete /tokens/{id}": {
    summary: "Revoke a personal token",
    auth: true,
    responses: { "204": "Revoked", "401": "Not signed in", "404": "Not the caller's token" },
  },
};

/** The OpenAPI `paths` object: each path with its methods, in the table's order. */
function pathsOf(table: Record<string, TOp>) {
  const paths: Record<string, Record<string, ReturnType<typeof op>>> = {};
  for (const [call, spec] of Object.entries(table)) {
    const [method, path] = call.split(" ");
    paths[path] = { ...paths[path], [method]: op(path, spec) };
  }
  return paths;
}

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "onestop public API",
      version: "1.0.0",
      description:
        "Services, documents, notices, search, uploads and applications of the one-stop government portal. " +
        "Errors are {error: {code, message, fields?}}. Search and every write may answer 429 (too many from the " +
        "client's address), and any operation 503 (code busy: the database could not take the call in time; code " +
        "unavailable: the database could not be reached), all with Retry-After in seconds.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A personal token made under /{locale}/account/tokens",
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
        serviceToken: {
          type: "http",
          scheme: "bearer",
          description: "A service token an administrator made for the hotline system under /staff/hotline",
        },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object" },
              },
              required: ["code", "message"],
            },
          },
        },
      },
    },
    paths: pathsOf(operations),
    webhooks: {
      letterStep: {
        post: {
          summary: "A step on a hotline work order, sent to each registered endpoint",
          description:
            "Sent for accepted, forwarded, sent_back, signed_off, replied, rated, reopened, extended, published and closed " +
            "(refused or merged), in `sequence` order per letter, each once (retried with a growing delay while the receiver " +
            "does not answer 2xx; a later step waits for the earlier). Headers: X-Onestop-Delivery (the delivery id, to " +
            "recognise a repeat), X-Onestop-Event, and X-Onestop-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of " +
            '"<t>.<raw body>" with the endpoint\'s secret>`. A receiver recomputes v1 over the raw bytes, compares in ' +
            "constant time and refuses a t more than 300 s from its clock. Body: {id, event, step, sequence, occurred_at, " +
            "reason, service_request: {service_request_id (信件编号), external_ref, status: open|closed, letter_status, " +
            "service_code, agency_responsible, requested_datetime, updated_datetime, expected_datetime, status_notes, rating}} " +
            "after Open311 GeoReport v2 service requests.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object" } } },
          },
          responses: { "200": { description: "Any 2xx: received" } },
        },
      },
    },
  };
}
