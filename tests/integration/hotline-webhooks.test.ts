import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { seedDemo } from "@/prisma/seed/seed";
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
import { postWebhook } from "@/lib/webhooks/send";
import { drainJobs } from "@/lib/jobs/queue";
import { NotFoundError } from "@/lib/shared/errors";
import * as lettersRoute from "@/app/api/v1/letters/route";
import * as figuresCsvRoute from "@/app/[locale]/letters/figures.csv/route";

// the receivers below listen on 127.0.0.1: an explicit setting, off unless set
process.env.WEBHOOK_ALLOW_PRIVATE = "1";

const callerPhone = "13912340987";
let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

/** A hotline system's receiver: records what it was sent; `down()` closes it, `up()` listens again on the same port. */
class Receiver {
  received: { body: string; headers: http.IncomingHttpHeaders }[] = [];
  private server: http.Server | null = null;
  port = 0;
  async up() {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
        response.writeHead(204).end();
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
    return this.received.map((r) => JSON.parse(r.body) as { id: string; event: string; sequence: number; service_request: Record<string, unknown> });
  }
}

const receiver = new Receiver();
let endpoint: { id: string; secret: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma);
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
      order: order({ subject: "来电反映锦里西路井盖缺失", content: "来电人反映锦里西路一处井盖缺失，存在安全隐患。" }),
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
    expect((await searchPortal({ query: { q: callerPhone, page: 1 }, locale: "zh-Hans", db: database.prisma })).total).toBe(0);
    const xml = lettersRss({
      title: "t",
      description: "d",
      language: "zh-Hans",
      selfUrl: "https://portal.example/zh-Hans/letters/feed.xml",
      listUrl: "https://portal.example/zh-Hans/letters",
      letterUrl: (n) => `https://portal.example/zh-Hans/letters/${n}`,
      letters: (await publishedLetters({ db: database.prisma })).rows.map((l) => ({ ...l, kindLabel: "投诉" })),
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
    expect(signPayload("k", "{}", 1)).toBe(`t=1,v1=${createHmac("sha256", "k").update("1.{}").digest("hex")}`);
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
    await steps(made.number, [{ as: "letters", step: "forward", department: "RSJ", reason: "属人社部门职责" }]);
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
    expect(log.rows.filter((r) => r.letterNumber === made.number).map((r) => r.sequence).sort()).toEqual([
      1, 2, 3, 4,
    ]);

    await receiver.up();
    // the newest job runs first, yet the letter's steps go out in order; the older jobs find them sent
    await drain(new Date(Date.now() + 3600_000));
    await drain(new Date(Date.now() + 7200_000));
    const got = await bodiesOf(made.number);
    expect(got.map((b) => b.sequence)).toEqual([1, 2, 3, 4]);
    expect(got.map((b) => b.event)).toEqual(["forwarded", "accepted", "signed_off", "replied"]);
    expect(new Set(got.map((b) => b.id)).size).toBe(got.length);
    const rows = await database.prisma.webhookDelivery.findMany({ where: { letterId: id }, orderBy: { sequence: "asc" } });
    expect(rows.every((r) => r.deliveredAt)).toBe(true);
    // the first was tried by its own job twice and by each later step's job once (each stops there)
    expect(rows.map((r) => r.attempts)).toEqual([6, 1, 1, 1]);
    // an administrator's retry of a delivery already sent is refused; nothing is sent twice
    await expect(
      retryWebhookDelivery({ db: database.prisma, actor: actors.admin, id: rows[0].id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
