import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { createApiToken, listApiTokens, revokeApiToken, userForToken } from "@/lib/users/apiTokens";
import { NotFoundError } from "@/lib/shared/errors";
import { employmentDetails } from "../helpers/answers";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as serviceRoute from "@/app/api/v1/services/[code]/route";
import * as uploadsRoute from "@/app/api/v1/uploads/route";
import * as applicationsRoute from "@/app/api/v1/applications/route";
import * as applicationRoute from "@/app/api/v1/applications/[trackingNumber]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";

let database: TestDatabase;
let dataDir: string;
const actors: Record<string, TSessionUser> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // uploads go to a throwaway directory, never the app's ./data
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-api-"));
  process.env.ONESTOP_DATA_DIR = dataDir;
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const email of ["citizen", "citizen2", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${email}@example.cn` } });
    actors[email] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
  for (const email of ["citizen", "citizen2"])
    tokens[email] = (
      await createApiToken({ db: database.prisma, actor: actors[email], name: `${email} test` })
    ).token;
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type TInit = {
  method?: string;
  token?: string;
  authorization?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
};
function request(pathAndQuery: string, init: TInit = {}): Request {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.authorization) headers.set("authorization", init.authorization);
  return new Request(`http://localhost/api/v1${pathAndQuery}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body,
  });
}
const context = <T>(params: T) => ({ params: Promise.resolve(params) });
const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;

const pdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
function uploadForm(bytes: Uint8Array, name: string, parts: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "application/pdf" }));
  for (const [key, value] of Object.entries(parts)) form.set(key, value);
  return form;
}
async function upload(token = tokens.citizen): Promise<string> {
  const response = await uploadsRoute.POST(
    request("/uploads", { method: "POST", token, body: uploadForm(pdf(), "id-card.pdf") }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const answers = employmentDetails;
async function apply(options: { token?: string; key?: string | null; body?: unknown; raw?: string } = {}) {
  const token = options.token ?? tokens.citizen;
  const body =
    options.raw ??
    JSON.stringify(
      options.body ?? { serviceCode: "RS-JYDJ-001", answers, uploads: { idCardCopy: await upload(token) } },
    );
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.key !== null) headers["idempotency-key"] = options.key ?? randomUUID();
  return applicationsRoute.POST(request("/applications", { method: "POST", token, headers, body }));
}

describe("GET /api/v1/services", () => {
  it("lists the catalogue with the contract's fields, cacheable", async () => {
    const response = await servicesRoute.GET(request("/services"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const body = (await response.json()) as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBe(await database.prisma.service.count({ where: { published: true } }));
    expect(body.items).toHaveLength(body.total);
    const demo = body.items.find((item) => item.code === "RS-JYDJ-001");
    expect(Object.keys(demo!).sort()).toEqual([
      "audience",
      "code",
      "department",
      "name",
      "nameEn",
      "promisedDays",
      "statutoryDays",
      "themes",
      "type",
      "visits",
    ]);
    expect(demo).toMatchObject({
      name: "就业登记",
      audience: "PERSON",
      visits: 0,
      department: { code: "RSJ" },
    });
  });

  it("filters by audience, theme, department and text, and refuses a bad audience", async () => {
    const items = async (query: string) =>
      (
        (await (await servicesRoute.GET(request(`/services?${query}`))).json()) as {
          items: { code: string; audience: string; department: { code: string } }[];
        }
      ).items;
    const legal = await items("audience=LEGAL_PERSON");
    expect(legal.length).toBeGreaterThan(0);
    expect(legal.every((s) => s.audience === "LEGAL_PERSON")).toBe(true);
    expect((await items("theme=employment")).map((s) => s.code)).toContain("RS-JYDJ-001");
    expect((await items("department=RSJ")).every((s) => s.department.code === "RSJ")).toBe(true);
    expect((await items(`q=${encodeURIComponent("就业登记")}`)).map((s) => s.code)).toContain("RS-JYDJ-001");
    expect((await items("audience=&theme=")).length).toBe(
      await database.prisma.service.count({ where: { published: true } }),
    );
    const bad = await servicesRoute.GET(request("/services?audience=ALIENS"));
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe("invalid_request");
  });

  it("gives one service's whole guide with its form, and 404 for an unknown code", async () => {
    const response = await serviceRoute.GET(
      request("/services/RS-JYDJ-001"),
      context({ code: "RS-JYDJ-001" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const guide = (await response.json()) as Record<string, unknown> & {
      form: { steps: { fields: { name: string; label: { en: string } }[] }[] };
    };
    for (const key of [
      "materials",
      "legalBasis",
      "conditions",
      "process",
      "fee",
      "consultPhone",
      "complaintPhone",
      "statutoryDays",
      "statutoryDayCount",
      "statutorySource",
      "promisedDays",
      "location",
      "hours",
      "faq",
    ])
      expect(guide, key).toHaveProperty(key);
    const labels = guide.form.steps.flatMap((step) => step.fields.map((field) => field.label.en));
    expect(labels).toEqual(
      expect.arrayContaining(["Full name", "ID card number", "Mobile phone", "Employer", "Copy of ID card"]),
    );
    const missing = await serviceRoute.GET(
      request("/services/NO-SUCH-001"),
      context({ code: "NO-SUCH-001" }),
    );
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe("not_found");
  });
});

describe("POST /api/v1/uploads", () => {
  it("stores a PDF and refuses a non-PDF named .pdf by its bytes", async () => {
    const ok = await uploadsRoute.POST(
      request("/uploads", {
        method: "POST",
        token: tokens.citizen,
        body: uploadForm(pdf(), "身份证.pdf", { service: "RS-JYDJ-001", field: "idCardCopy" }),
      }),
    );
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      id: expect.stringMatching(/^[a-z0-9]+$/),
      fileName: "身份证.pdf",
      mimeType: "application/pdf",
      size: pdf().byteLength,
    });
    const fake = new TextEncoder().encode("MZ this is really an executable");
    const bad = await uploadsRoute.POST(
      request("/uploads", { method: "POST", token: tokens.citizen, body: uploadForm(fake, "id-card.pdf") }),
    );
    expect(bad.status).toBe(422);
    expect(await errorCode(bad)).toBe("fileType");
  });

  it("stores a file name without the bidirectional and invisible characters that could disguise it", async () => {
    // shown as "发票exe.pdf" by a right-to-left override; a zero-width space and an isolate as well
    const response = await uploadsRoute.POST(
      request("/uploads", {
        method: "POST",
        token: tokens.citizen,
        body: uploadForm(pdf(), "发\u200b票\u2067\u202efdp.exe\u2069.pdf"),
      }),
    );
    expect(response.status).toBe(201);
    const { id, fileName } = (await response.json()) as { id: string; fileName: string };
    expect(fileName).toBe("发票fdp.exe.pdf");
    const stored = await database.prisma.attachment.findUniqueOrThrow({ where: { id } });
    expect(stored.fileName).toBe("发票fdp.exe.pdf");
    expect(stored.fileName).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it("applies the form field's size limit (413, naming the field)", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf());
    const response = await uploadsRoute.POST(
      request("/uploads", {
        method: "POST",
        token: tokens.citizen,
        body: uploadForm(big, "big.pdf", { service: "RS-JYDJ-001", field: "idCardCopy" }),
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "fileTooLarge", message: "fileTooLarge|10", fields: { idCardCopy: "fileTooLarge|10" } },
    });
  });

  it("is for signed-in citizens only", async () => {
    const response = await uploadsRoute.POST(
      request("/uploads", { method: "POST", body: uploadForm(pdf(), "id.pdf") }),
    );
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("unauthorized");
  });
});

describe("security headers", () => {
  it("every API answer, uploads included (the proxy leaves them alone), forbids script and framing", async () => {
    const answers = [
      await servicesRoute.GET(request("/services")),
      await uploadsRoute.POST(
        request("/uploads", {
          method: "POST",
          token: tokens.citizen,
          body: uploadForm(pdf(), "id-card.pdf"),
        }),
      ),
      await uploadsRoute.POST(request("/uploads", { method: "POST", body: uploadForm(pdf(), "x.pdf") })),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 201, 401]);
    for (const answer of answers)
      expect(answer.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'; sandbox",
      );
  });
});

describe("POST /api/v1/applications", () => {
  it("answers 415 to a JSON body not sent as application/json (a cross-site form can send text/plain)", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
      const headers: Record<string, string> = { "idempotency-key": randomUUID(), "accept-language": "en" };
      if (contentType) headers["content-type"] = contentType;
      const body = JSON.stringify({ serviceCode: "RS-JYDJ-001", answers, uploads: {} });
      const response = await applicationsRoute.POST(
        request("/applications", { method: "POST", token: tokens.citizen, headers, body }),
      );
      expect(response.status, contentType).toBe(415);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error).toEqual({
        code: "unsupported_media_type",
        message: expect.stringContaining("application/json"),
      });
    }
    const json = await apply({ raw: "{}" });
    expect(json.status).not.toBe(415);
  });

  it("creates a case once per Idempotency-Key", async () => {
    const key = randomUUID();
    const body = { serviceCode: "RS-JYDJ-001", answers, uploads: { idCardCopy: await upload() } };
    const first = await apply({ key, body });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { trackingNumber: string; accessCode: string; status: string };
    expect(created).toEqual({
      trackingNumber: expect.stringMatching(/^SV\d{14}$/),
      accessCode: expect.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/),
      status: "SUBMITTED",
    });
    const again = await apply({ key, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);
    expect(await database.prisma.application.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("makes one case for 20 concurrent requests with the same key", async () => {
    const key = randomUUID();
    const body = { serviceCode: "RS-JYDJ-001", answers, uploads: { idCardCopy: await upload() } };
    const responses = await Promise.all(Array.from({ length: 20 }, () => apply({ key, body })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ trackingNumber: string }>));
    expect(new Set(bodies.map((b) => b.trackingNumber)).size).toBe(1);
    expect(await database.prisma.application.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("answers 400 without a valid key or with a body that is not JSON", async () => {
    for (const key of [null, "short", "has spaces in it"]) {
      const response = await apply({ key });
      expect(response.status, String(key)).toBe(400);
      expect(await errorCode(response)).toBe("idempotency_key_required");
    }
    const badJson = await apply({ raw: "{not json" });
    expect(badJson.status).toBe(400);
    expect(await errorCode(badJson)).toBe("invalid_json");
    const badShape = await apply({ body: { serviceCode: 42, answers: [] } });
    expect(badShape.status).toBe(400);
    expect(await errorCode(badShape)).toBe("invalid_request");
  });

  it("answers 422 with field codes for invalid answers, and 404 for an unknown service", async () => {
    const response = await apply({
      body: {
        serviceCode: "RS-JYDJ-001",
        answers: { ...answers, idNumber: "510104199003071234", mobile: "123" },
      },
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(error.code).toBe("invalid_answers");
    expect(error.message).toBeTruthy();
    expect(error.fields).toMatchObject({
      idNumber: "idCardInvalid",
      mobile: "mobileInvalid",
      idCardCopy: "fileRequired",
    });
    const unknown = await apply({ body: { serviceCode: "NO-SUCH-001", answers } });
    expect(unknown.status).toBe(404);
  });

  it("refuses callers who are not signed in, or whose token is unknown or revoked", async () => {
    const anonymous = await applicationsRoute.POST(
      request("/applications", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: "{}" }),
    );
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe("unauthorized");
    for (const authorization of ["Bearer os_" + "x".repeat(40), "Bearer nonsense", "Basic abc"]) {
      expect(
        (await applicationsRoute.GET(request("/applications", { authorization }))).status,
        authorization,
      ).toBe(401);
    }
    const { id, token } = await createApiToken({
      db: database.prisma,
      actor: actors.citizen,
      name: "soon revoked",
    });
    expect((await applicationsRoute.GET(request("/applications", { token }))).status).toBe(200);
    await revokeApiToken({ db: database.prisma, actor: actors.citizen, id });
    expect((await applicationsRoute.GET(request("/applications", { token }))).status).toBe(401);
  });
});

describe("GET /api/v1/applications", () => {
  it("lists and shows the owner's own cases with the public timeline only", async () => {
    const { trackingNumber, accessCode } = (await (await apply()).json()) as {
      trackingNumber: string;
      accessCode: string;
    };
    const stored = await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber } });
    await database.prisma.caseEvent.create({
      data: { applicationId: stored.id, kind: "note", reason: "内部意见：不得外泄", internal: true },
    });

    const list = (await (
      await applicationsRoute.GET(request("/applications", { token: tokens.citizen }))
    ).json()) as { items: Record<string, unknown>[] };
    expect(list.items).toContainEqual({
      trackingNumber,
      accessCode,
      status: "SUBMITTED",
      serviceCode: "RS-JYDJ-001",
      submittedAt: expect.any(String),
      promisedDue: null,
    });

    const response = await applicationRoute.GET(
      request(`/applications/${trackingNumber}`, { token: tokens.citizen }),
      context({ trackingNumber }),
    );
    expect(response.status).toBe(200);
    const found = (await response.json()) as {
      service: unknown;
      events: { kind: string; status: string; reason: string | null; at: string }[];
    };
    expect(found).toMatchObject({
      trackingNumber,
      accessCode,
      status: "SUBMITTED",
      service: { code: "RS-JYDJ-001", name: "就业登记" },
    });
    expect(found.events).toEqual([
      { kind: "submit", status: "SUBMITTED", reason: null, at: expect.any(String) },
    ]);
    expect(JSON.stringify(found)).not.toContain("内部意见");
  });

  it("pages the list, 50 newest first a page, and refuses a bad page", async () => {
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "citizen2@example.cn" } });
    const service = await database.prisma.service.findUniqueOrThrow({ where: { code: "RS-JYDJ-001" } });
    const before = await database.prisma.application.count({ where: { applicantId: owner.id } });
    await database.prisma.application.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        trackingNumber: `SV20200101${String(900000 + i)}`,
        accessCode: "ABCDEF",
        serviceId: service.id,
        applicantId: owner.id,
        answers: {},
        idempotencyKey: `paging-${i}-key`,
        submittedAt: new Date(Date.UTC(2020, 0, 1, 0, i)),
      })),
    });
    const page = async (query: string) =>
      (await (
        await applicationsRoute.GET(request(`/applications${query}`, { token: tokens.citizen2 }))
      ).json()) as { items: { trackingNumber: string }[]; page: number; pages: number; total: number };
    const first = await page("");
    expect(first).toMatchObject({ page: 1, total: before + 55, pages: Math.ceil((before + 55) / 50) });
    expect(first.items).toHaveLength(50);
    const last = await page(`?page=${first.pages}`);
    expect(last.items.at(-1)!.trackingNumber).toBe("SV20200101900000");
    const all = new Set([...first.items, ...last.items].map((item) => item.trackingNumber));
    expect(all.size).toBe(first.items.length + last.items.length);
    expect(
      (await applicationsRoute.GET(request("/applications?page=0", { token: tokens.citizen2 }))).status,
    ).toBe(400);
  });

  it("answers 404 for another person's case or an unknown one, and 401 without sign-in", async () => {
    const { trackingNumber } = (await (await apply()).json()) as { trackingNumber: string };
    const theirs = await applicationRoute.GET(
      request(`/applications/${trackingNumber}`, { token: tokens.citizen2 }),
      context({ trackingNumber }),
    );
    expect(theirs.status).toBe(404);
    expect(await errorCode(theirs)).toBe("not_found");
    const list = (await (
      await applicationsRoute.GET(request("/applications", { token: tokens.citizen2 }))
    ).json()) as { items: { trackingNumber: string }[] };
    expect(list.items.map((item) => item.trackingNumber)).not.toContain(trackingNumber);
    for (const number of ["SV20990101999999", "nonsense"]) {
      expect(
        (
          await applicationRoute.GET(
            request(`/applications/${number}`, { token: tokens.citizen }),
            context({ trackingNumber: number }),
          )
        ).status,
      ).toBe(404);
    }
    expect((await applicationsRoute.GET(request("/applications"))).status).toBe(401);
    expect(
      (await applicationRoute.GET(request(`/applications/${trackingNumber}`), context({ trackingNumber })))
        .status,
    ).toBe(401);
  });
});

describe("personal API tokens", () => {
  it("are os_ and 40 url-safe characters, stored only as their sha256", async () => {
    const { id, token } = await createApiToken({
      db: database.prisma,
      actor: actors.citizen2,
      name: "  my script  ",
    });
    expect(token).toMatch(/^os_[A-Za-z0-9_-]{40}$/);
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      name: "my script",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      lastUsedAt: null,
    });
    expect(JSON.stringify(stored)).not.toContain(token.slice(3));
    expect(await userForToken({ db: database.prisma, token: token })).toMatchObject({
      id: actors.citizen2.id,
    });
    expect((await database.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    expect((await listApiTokens({ db: database.prisma, actor: actors.citizen2 })).map((t) => t.id)).toContain(
      id,
    );
  });

  it("are for citizens only, and each owner revokes only their own", async () => {
    await expect(
      createApiToken({ db: database.prisma, actor: actors.caseworker, name: "staff" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await createApiToken({ db: database.prisma, actor: actors.citizen, name: "mine" });
    await expect(revokeApiToken({ db: database.prisma, actor: actors.citizen2, id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await database.prisma.user.update({ where: { id: actors.citizen2.id }, data: { disabled: true } });
    expect(await userForToken({ db: database.prisma, token: tokens.citizen2 })).toBeNull();
    await database.prisma.user.update({ where: { id: actors.citizen2.id }, data: { disabled: false } });
  });

  it("cannot mint, list or revoke tokens through the API (session cookie only)", async () => {
    const mint = await tokensRoute.POST(
      request("/tokens", {
        method: "POST",
        token: tokens.citizen,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "more" }),
      }),
    );
    expect(mint.status).toBe(401);
    expect(await errorCode(mint)).toBe("unauthorized");
    expect((await tokensRoute.GET(request("/tokens", { token: tokens.citizen }))).status).toBe(401);
    const [mine] = await listApiTokens({ db: database.prisma, actor: actors.citizen });
    expect(
      (
        await tokenRoute.DELETE(
          request(`/tokens/${mine.id}`, { method: "DELETE", token: tokens.citizen }),
          context({ id: mine.id }),
        )
      ).status,
    ).toBe(401);
    expect(
      (await tokensRoute.POST(request("/tokens", { method: "POST", body: JSON.stringify({ name: "anon" }) })))
        .status,
    ).toBe(401);
    expect(await database.prisma.apiToken.count({ where: { name: { in: ["more", "anon"] } } })).toBe(0);
  });
});
