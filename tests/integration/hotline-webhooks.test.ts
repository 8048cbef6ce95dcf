import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import type { TSessionUser } from "@/lib/auth/types";
import { createWorkOrder, maskPhone, ZWorkOrder } from "@/lib/letters/hotline";
import { createServiceToken, hotlineActorForToken, revokeServiceToken } from "@/lib/letters/hotlineTokens";
import { applyLetterStep, rateLetter, type TLetterStepInput } from "@/lib/letters/applyLetterStep";
import { publishedLetters, readLetter, staffLetter } from "@/lib/letters/queries";
import { lettersRss } from "@/lib/letters/feed";
import { searchPortal } from "@/lib/search/queries";
import { createApiToken, userForToken } from "@/lib/users/apiTokens";
import {
  createWebhookEndpoint,
  retryWebhookDelivery,
  setWebhookEndpointActive,
  webhookDeliveryLog,
  webhookEndpoints,
} from "@/lib/webhooks/endpoints";
import { webhookJobHandlers, webhookJobKind } from "@/lib/webhooks/deliveries";
import { signPayload, verifySignature } from "@/lib/webhooks/signature";
import { webhookUrlProblem } from "@/lib/webhooks/address";
import { guardedLookup, postWebhook } from "@/lib/webhooks/send";
import { drainJobs } from "@/lib/jobs/queue";
import { NotFoundError } from "@/lib/shared/errors";
import * as lettersRoute from "@/app/api/v1/letters/route";
import * as letterRoute from "@/app/api/v1/letters/[number]/route";
import * as figuresCsvRoute from "@/app/[locale]/letters/figures.csv/route";

// the receivers below listen on 127.0.0.1: an explicit setting, off unless set
process.env.WEBHOOK_ALLOW_PRIVATE = "1";

const callerPhone = "13912340987";
let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

/** A hotline system's receiver: records what it was sent; `down()` closes it, `up()` listens again on the same port. */
class Receiver {
  received: { body: string; headers: http.IncomingHttpHeaders }[] = [];
  delayMs = 0;
  private server: http.Server | null = null;
  port = 0;
  async up() {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
        setTimeout(() => response.writeHead(204).end(), this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  async down() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  get url() {
    return `http://127.0.0.1:${this.port}/hooks/onestop`;
  }
  bodies() {
    return this.received.map(
      (r) =>
        JSON.parse(r.body) as {
          id: string;
          event: string;
          sequence: number;
          service_request: Record<string, unknown>;
        },
    );
  }
}

const receiver = new Receiver();
let endpoint: { id: string; secret: string };

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["letters", "admin", "caseworker", "supervisor", "citizen"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
  await receiver.up();
  endpoint = await createWebhookEndpoint({
    db: database.prisma,
    actor: actors.admin,
    endpoint: { name: "12345 热线", url: receiver.url },
  });
});
afterAll(async () => {
  await receiver.down();
  await database.close();
});

const order = (overrides: Record<string, string> = {}) =>
  ZWorkOrder.parse({
    kind: "COMPLAINT",
    mailbox: "RSJ",
    subject: "来电反映工地夜间施工扰民",
    content: "来电人反映某工地连续一周夜间施工，噪音严重影响休息。",
    consentToPublish: "yes",
    callerPhone,
    ...overrides,
  });

const version = async (number: string) =>
  (await database.prisma.letter.findUniqueOrThrow({ where: { number } })).version;
type TStep = Omit<TLetterStepInput, "number" | "expectedVersion" | "actor"> & { as: string };
async function steps(number: string, list: TStep[]) {
  for (const { as, ...step } of list)
    await applyLetterStep({
      ...step,
      actor: actors[as],
      number,
      expectedVersion: await version(number),
      db: database.prisma,
    } as TLetterStepInput);
}
const answered: TStep[] = [
  { as: "caseworker", step: "accept" },
  { as: "caseworker", step: "draft", replyText: "经核查，已责令工地停止夜间施工。" },
  { as: "supervisor", step: "signOff" },
  { as: "caseworker", step: "send" },
];
const drain = (now?: Date) =>
  drainJobs({ db: database.prisma, handlers: webhookJobHandlers, ...(now ? { now: () => now } : {}) });
const letterId = async (number: string) =>
  (await database.prisma.letter.findUniqueOrThrow({ where: { number } })).id;
const bodiesOf = async (number: string) => {
  return receiver.bodies().filter((b) => b.service_request.service_request_id === number);
};

describe("work orders from the hotline", () => {
  it("are letters on channel 热线电话 with the caller's number for the handlers, masked in the audit", async () => {
    const made = await createWorkOrder({ db: database.prisma, actor: actors.letters, order: order() });
    expect(made).toMatchObject({ created: true, status: "SUBMITTED" });
    const letter = await staffLetter({ db: database.prisma, actor: actors.caseworker, number: made.number });
    expect(letter).toMatchObject({ channel: "HOTLINE", callerPhone, writerId: null });
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "letter.hotline", entityId: made.number },
    });
    expect(JSON.stringify(audit.detail)).toContain(maskPhone(callerPhone));
    expect(maskPhone(callerPhone)).toBe("139****0987");
    expect(JSON.stringify(audit.detail)).not.toContain(callerPhone);
    // a department's handler or a citizen does not take calls: refused as not found, audited
    await expect(
      createWorkOrder({ db: database.prisma, actor: actors.caseworker, order: order() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createWorkOrder({ db: database.prisma, actor: actors.citizen, order: order() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({ where: { action: "letter.hotline", outcome: "DENIED" } }),
    ).toBeGreaterThan(0);
    expect(ZWorkOrder.safeParse({ ...order(), callerPhone: "12345" }).error?.issues[0]).toMatchObject({
      path: ["callerPhone"],
      message: "callerPhoneInvalid",
    });
    expect(ZWorkOrder.parse({ ...order(), callerPhone: "028-8888 1234" }).callerPhone).toBe("02888881234");
  });

  it("never shows the caller's number on the public page, tracking, search, feed, figures CSV or webhooks", async () => {
    const made = await createWorkOrder({
      db: database.prisma,
      actor: actors.letters,
      order: order({
        subject: "来电反映锦里西路井盖缺失",
        content: "来电人反映锦里西路一处井盖缺失，存在安全隐患。",
      }),
    });
    await steps(made.number, [...answered, { as: "caseworker", step: "publish" }]);
    const views = [
      await readLetter({ db: database.prisma, actor: null, number: made.number }),
      await readLetter({ db: database.prisma, actor: null, number: made.number, code: made.accessCode }),
      await publishedLetters({ db: database.prisma, q: "井盖" }),
      await searchPortal({ query: { q: "锦里西路井盖", page: 1 }, locale: "zh-Hans", db: database.prisma }),
    ];
    expect(JSON.stringify(views[0])).toContain("井盖");
    const search = views[3] as Awaited<ReturnType<typeof searchPortal>>;
    expect(search.results.map((r) => r.path)).toContain(`/letters/${made.number}`);
    expect(
      (await searchPortal({ query: { q: callerPhone, page: 1 }, locale: "zh-Hans", db: database.prisma }))
        .total,
    ).toBe(0);
    const xml = lettersRss({
      title: "t",
      description: "d",
      language: "zh-Hans",
      selfUrl: "https://portal.example/zh-Hans/letters/feed.xml",
      listUrl: "https://portal.example/zh-Hans/letters",
      letterUrl: (n) => `https://portal.example/zh-Hans/letters/${n}`,
      letters: (await publishedLetters({ db: database.prisma })).rows.map((l) => ({
        ...l,
        kindLabel: "投诉",
      })),
    });
    expect(xml).toContain(made.number);
    const csv = await (
      await figuresCsvRoute.GET(new Request("http://localhost/zh-Hans/letters/figures.csv"), {
        params: Promise.resolve({ locale: "zh-Hans" }),
      })
    ).text();
    await drain();
    const hooks = (await bodiesOf(made.number)).map((b) => JSON.stringify(b));
    expect(hooks.length).toBeGreaterThan(0);
    for (const text of [...views.map((v) => JSON.stringify(v)), xml, csv, ...hooks]) {
      expect(text).not.toContain(callerPhone);
      expect(text).not.toContain("0987");
    }
  });
});

describe("the webhook deliveries", () => {
  it("are signed with HMAC-SHA256 over the timestamp and the exact body", async () => {
    const made = await createWorkOrder({ db: database.prisma, actor: actors.letters, order: order() });
    await steps(made.number, [{ as: "caseworker", step: "accept" }]);
    await drain();
    const [hit] = receiver.received.filter((r) => r.body.includes(made.number));
    const header = String(hit.headers["x-onestop-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(endpoint.secret, hit.body, header)).toBe(true);
    expect(verifySignature(endpoint.secret, hit.body.replace("accepted", "rejected"), header)).toBe(false);
    expect(verifySignature("whsec_another_secret_of_enough_length", hit.body, header)).toBe(false);
    // a delivery replayed ten minutes later is refused by its timestamp
    const t = Number(/t=(\d+)/.exec(header)![1]);
    expect(verifySignature(endpoint.secret, hit.body, header, t + 600)).toBe(false);
    expect(signPayload("k", "{}", 1)).toBe(
      `t=1,v1=${createHmac("sha256", "k").update("1.{}").digest("hex")}`,
    );
    const body = JSON.parse(hit.body);
    expect(hit.headers["x-onestop-delivery"]).toBe(body.id);
    expect(hit.headers["x-onestop-event"]).toBe("accepted");
    expect(body).toMatchObject({
      event: "accepted",
      sequence: 1,
      service_request: {
        service_request_id: made.number,
        status: "open",
        letter_status: "ACCEPTED",
        service_code: "COMPLAINT",
        agency_responsible: "RSJ",
      },
    });
    expect(body.service_request.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("wait while the receiver is down, retried with a growing delay, then arrive once each and in order", async () => {
    await receiver.down();
    const made = await createWorkOrder({
      db: database.prisma,
      actor: actors.letters,
      order: order({ mailbox: "MAYOR" }),
    });
    await steps(made.number, [
      { as: "letters", step: "forward", department: "RSJ", reason: "属人社部门职责" },
    ]);
    const before = Date.now();
    expect(await drain()).toBe(0);
    const id = await letterId(made.number);
    const delivery = await database.prisma.webhookDelivery.findFirstOrThrow({ where: { letterId: id } });
    expect(delivery).toMatchObject({ attempts: 1, deliveredAt: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
    const job = async () =>
      database.prisma.job.findFirstOrThrow({
        where: { kind: webhookJobKind, payload: { equals: { deliveryId: delivery.id } } },
      });
    const first = await job();
    const firstDelay = first.runAt.getTime() - before;
    expect(firstDelay).toBeGreaterThanOrEqual(55_000);
    // the second failure waits longer (exponential backoff)
    expect(await drain(new Date(first.runAt.getTime() + 1000))).toBe(0);
    const second = await job();
    expect(second.attempts).toBe(2);
    expect(second.runAt.getTime() - Date.now()).toBeGreaterThan(firstDelay + 30_000);

    // more steps while it is down: each waits behind the first
    await steps(made.number, answered);
    expect(await drain()).toBe(0);
    const log = await webhookDeliveryLog({ db: database.prisma, actor: actors.admin, state: "waiting" });
    expect(
      log.rows
        .filter((r) => r.letterNumber === made.number)
        .map((r) => r.sequence)
        .sort(),
    ).toEqual([1, 2, 3, 4]);

    await receiver.up();
    // the newest job runs first, yet the letter's steps go out in order; the older jobs find them sent
    await drain(new Date(Date.now() + 3600_000));
    await drain(new Date(Date.now() + 7200_000));
    const got = await bodiesOf(made.number);
    expect(got.map((b) => b.sequence)).toEqual([1, 2, 3, 4]);
    expect(got.map((b) => b.event)).toEqual(["forwarded", "accepted", "signed_off", "replied"]);
    expect(new Set(got.map((b) => b.id)).size).toBe(got.length);
    const rows = await database.prisma.webhookDelivery.findMany({
      where: { letterId: id },
      orderBy: { sequence: "asc" },
    });
    expect(rows.every((r) => r.deliveredAt)).toBe(true);
    // the first was tried by its own job twice and by each later step's job once (each stops there)
    expect(rows.map((r) => r.attempts)).toEqual([6, 1, 1, 1]);
    // an administrator's retry of a delivery already sent is refused; nothing is sent twice
    await expect(
      retryWebhookDelivery({ db: database.prisma, actor: actors.admin, id: rows[0].id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("two runners at once", () => {
  it("still send each step once and in order (a delivery being sent is held by its runner)", async () => {
    receiver.delayMs = 30;
    try {
      const made = await createWorkOrder({ db: database.prisma, actor: actors.letters, order: order() });
      await steps(made.number, answered);
      await Promise.all([drain(), drain(), drain()]);
      await drain(new Date(Date.now() + 3600_000));
      const got = await bodiesOf(made.number);
      expect(got.map((b) => b.sequence)).toEqual([1, 2, 3]);
      expect(got.map((b) => b.event)).toEqual(["accepted", "signed_off", "replied"]);
    } finally {
      receiver.delayMs = 0;
    }
  });
});

describe("POST /api/v1/letters", () => {
  let token: string;
  const body = {
    kind: "HELP",
    mailbox: "RSJ",
    subject: "来电求助：社保卡补办",
    content: "来电人社保卡遗失，询问补办流程。",
    consentToPublish: false,
    callerPhone: "028-8765 4321",
    externalRef: "12345-2026-000123",
  };
  const post = (init: { token?: string; key?: string; type?: string; body?: BodyInit }) => {
    const headers = new Headers({ "content-type": init.type ?? "application/json" });
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (init.key) headers.set("idempotency-key", init.key);
    return lettersRoute.POST(
      new Request("http://localhost/api/v1/letters", {
        method: "POST",
        headers,
        body: init.body ?? JSON.stringify(body),
        duplex: "half",
      } as RequestInit),
    );
  };
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;

  beforeAll(async () => {
    token = (
      await createServiceToken({
        db: database.prisma,
        actor: actors.admin,
        name: "12345 system",
        email: "letters@example.cn",
      })
    ).token;
  });

  it("files a work order once per Idempotency-Key with a service token, and only then", async () => {
    const first = await post({ token, key: "call-000123-a" });
    expect(first.status).toBe(201);
    const made = (await first.json()) as { number: string; accessCode: string; status: string };
    expect(made).toMatchObject({ status: "SUBMITTED" });
    expect(JSON.stringify(made)).not.toContain("8765");
    const again = await post({ token, key: "call-000123-a" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(made);
    const letter = await database.prisma.letter.findUniqueOrThrow({ where: { number: made.number } });
    expect(letter).toMatchObject({
      channel: "HOTLINE",
      callerPhone: "02887654321",
      externalRef: "12345-2026-000123",
      consentToPublish: false,
      createdById: actors.letters.id,
    });
    expect(await database.prisma.letter.count({ where: { externalRef: "12345-2026-000123" } })).toBe(1);
    // the same key sent twice at once still makes one letter
    const both = await Promise.all([
      post({ token, key: "call-race-0001" }),
      post({ token, key: "call-race-0001" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
  });

  it("answers a work order back as an Open311 service request, and nothing else", async () => {
    const made = (await (await post({ token, key: "call-000125-a" })).json()) as { number: string };
    const get = (number: string, bearerToken?: string) =>
      letterRoute.GET(
        new Request(`http://localhost/api/v1/letters/${number}`, {
          headers: bearerToken ? { authorization: `Bearer ${bearerToken}` } : {},
        }),
        { params: Promise.resolve({ number }) },
      );
    const found = await get(made.number, token);
    expect(found.status).toBe(200);
    const serviceRequest = (await found.json()) as Record<string, unknown>;
    expect(serviceRequest).toMatchObject({
      service_request_id: made.number,
      external_ref: "12345-2026-000123",
      status: "open",
      letter_status: "SUBMITTED",
      service_code: "HELP",
      agency_responsible: "RSJ",
    });
    expect(JSON.stringify(serviceRequest)).not.toContain("8765");
    expect((await get(made.number)).status).toBe(401);
    // a letter written on the website is not the hotline's to read
    const website = await database.prisma.letter.findFirstOrThrow({ where: { channel: "WEBSITE" } });
    expect((await get(website.number, token)).status).toBe(404);
    expect((await get("XJ20990101000001", token)).status).toBe(404);
    expect((await get("../tokens", token)).status).toBe(404);
  });

  it("refuses a missing or wrong token, no key, bad fields, other media types and bodies past the limit", async () => {
    expect((await post({ key: "call-000124-a" })).status).toBe(401);
    const personal = (await createApiToken({ db: database.prisma, actor: actors.citizen, name: "mine" }))
      .token;
    expect((await post({ token: personal, key: "call-000124-a" })).status).toBe(401);
    expect((await post({ token: "os_" + "x".repeat(40), key: "call-000124-a" })).status).toBe(401);
    // a service token is not a citizen's personal token either
    expect(await userForToken({ db: database.prisma, token })).toBeNull();
    const noKey = await post({ token });
    expect(noKey.status).toBe(400);
    expect((await errorOf(noKey)).code).toBe("idempotency_key_required");
    const badPhone = await post({
      token,
      key: "call-000124-b",
      body: JSON.stringify({ ...body, callerPhone: "110" }),
    });
    expect(badPhone.status).toBe(400);
    expect((await errorOf(badPhone)).fields).toEqual({ callerPhone: "callerPhoneInvalid" });
    const extra = await post({
      token,
      key: "call-000124-c",
      body: JSON.stringify({ ...body, writerId: "x" }),
    });
    expect(extra.status).toBe(400);
    const noSubject = await post({
      token,
      key: "call-000124-d",
      body: JSON.stringify({ ...body, subject: " " }),
    });
    expect((await errorOf(noSubject)).fields).toEqual({ subject: "required" });
    expect((await post({ token, key: "call-000124-e", body: "{" })).status).toBe(400);
    expect((await post({ token, key: "call-000124-f", type: "text/plain" })).status).toBe(415);
    const unknownMailbox = await post({
      token,
      key: "call-000124-g",
      body: JSON.stringify({ ...body, mailbox: "NOPE" }),
    });
    expect(unknownMailbox.status).toBe(422);
    expect((await errorOf(unknownMailbox)).fields).toEqual({ mailbox: "choose" });
    // a chunked body without a length is cut off once it passes 32 KB
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 4096;
        controller.enqueue(new TextEncoder().encode(" ".repeat(4096)));
        if (sent > 1024 * 1024) controller.close();
      },
    });
    const huge = await post({ token, key: "call-000124-h", body: endless });
    expect(huge.status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024);
    expect(
      await database.prisma.letter.count({ where: { idempotencyKey: { startsWith: "call-000124" } } }),
    ).toBe(0);
    // a revoked token no longer works
    const revoked = await createServiceToken({
      db: database.prisma,
      actor: actors.admin,
      name: "old",
      email: "letters@example.cn",
    });
    await revokeServiceToken({ db: database.prisma, actor: actors.admin, id: revoked.id });
    expect(await hotlineActorForToken({ db: database.prisma, token: revoked.token })).toBeNull();
    expect((await post({ token: revoked.token, key: "call-000124-i" })).status).toBe(401);
  });

  it("makes service tokens for administrators only, acting as an account that takes hotline calls", async () => {
    await expect(
      createServiceToken({
        db: database.prisma,
        actor: actors.letters,
        name: "x",
        email: "letters@example.cn",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createServiceToken({
        db: database.prisma,
        actor: actors.admin,
        name: "x",
        email: "caseworker@example.cn",
      }),
    ).rejects.toMatchObject({ key: "serviceTokenAccount", field: "email" });
  });
});

describe("the hotline endpoints", () => {
  it("are for administrators only, and only at public http(s) addresses unless the setting allows private ones", async () => {
    await expect(
      createWebhookEndpoint({
        db: database.prisma,
        actor: actors.letters,
        endpoint: { name: "x", url: "https://hotline.example.cn/hook" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      webhookDeliveryLog({ db: database.prisma, actor: actors.caseworker }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({
        where: { action: { startsWith: "webhook." }, outcome: "DENIED" },
      }),
    ).toBe(2);
    const off = false;
    expect(webhookUrlProblem("https://hotline.example.cn/hook", off)).toBeNull();
    expect(webhookUrlProblem("http://203.0.113.9:8080/hook", off)).toBeNull();
    for (const url of [
      "http://127.0.0.1:8080/",
      "http://localhost/",
      "http://10.1.2.3/",
      "http://192.168.0.5/",
      "http://172.20.0.1/",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/",
      "http://[fd00::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0/",
    ])
      expect(webhookUrlProblem(url, off), url).toBe("webhookUrlPrivate");
    for (const url of [
      "ftp://hotline.example.cn/",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "http://u:p@hotline.example.cn/",
      "not a url",
    ])
      expect(webhookUrlProblem(url, off), url).toBe("webhookUrlInvalid");
    expect(webhookUrlProblem("http://127.0.0.1:8080/", true)).toBeNull();

    process.env.WEBHOOK_ALLOW_PRIVATE = "";
    try {
      await expect(
        createWebhookEndpoint({
          db: database.prisma,
          actor: actors.admin,
          endpoint: { name: "x", url: receiver.url },
        }),
      ).rejects.toMatchObject({ key: "webhookUrlPrivate", field: "url" });
      // a name that resolves to loopback is refused when it is resolved, at connection time
      const resolved = await new Promise<string>((resolve) =>
        guardedLookup("localhost", {}, (error, address) => resolve(error ? error.message : String(address))),
      );
      expect(resolved).toMatch(/non-public/);
      await expect(postWebhook(receiver.url, "{}", {})).rejects.toThrow(/webhookUrlPrivate/);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    }
  });

  it("lists endpoints without their secret; one switched off receives nothing until it is on again", async () => {
    const list = await webhookEndpoints({ db: database.prisma, actor: actors.admin });
    expect(JSON.stringify(list)).not.toContain(endpoint.secret);
    expect(list[0].secretHint).toBe(`…${endpoint.secret.slice(-4)}`);
    const made = await createWorkOrder({ db: database.prisma, actor: actors.letters, order: order() });
    await steps(made.number, [{ as: "caseworker", step: "accept" }]);
    await setWebhookEndpointActive({
      db: database.prisma,
      actor: actors.admin,
      id: endpoint.id,
      active: false,
    });
    await steps(made.number, [
      { as: "caseworker", step: "draft", replyText: "已核查。" },
      { as: "supervisor", step: "signOff" },
    ]);
    await drain();
    expect(await bodiesOf(made.number)).toEqual([]);
    // on again: the step queued before it went off is sent; the one taken while off never was queued
    await setWebhookEndpointActive({
      db: database.prisma,
      actor: actors.admin,
      id: endpoint.id,
      active: true,
    });
    await drain();
    expect((await bodiesOf(made.number)).map((b) => b.event)).toEqual(["accepted"]);
  });

  it("hear of the rating the letters office records from the call-back, and of the reopening", async () => {
    const made = await createWorkOrder({ db: database.prisma, actor: actors.letters, order: order() });
    await steps(made.number, answered);
    await rateLetter({
      db: database.prisma,
      actor: actors.letters,
      number: made.number,
      rating: "UNSATISFIED",
      expectedVersion: await version(made.number),
    });
    await steps(made.number, [
      { as: "supervisor", step: "reanswer", replyText: "再次核查后，已安排夜间巡查。" },
    ]);
    await rateLetter({
      db: database.prisma,
      actor: actors.letters,
      number: made.number,
      rating: "FAIRLY_SATISFIED",
      expectedVersion: await version(made.number),
    });
    // a department's caseworker is not the one who calls back
    await expect(
      rateLetter({
        db: database.prisma,
        actor: actors.caseworker,
        number: made.number,
        rating: "SATISFIED",
        expectedVersion: await version(made.number),
      }),
    ).rejects.toThrow();
    await drain();
    expect((await bodiesOf(made.number)).map((b) => b.event)).toEqual([
      "accepted",
      "signed_off",
      "replied",
      "reopened",
      "replied",
      "rated",
    ]);
  });
});
