import { expect, test, type Browser } from "@playwright/test";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";
import {
  cookieHeader,
  megabyte,
  leastMemoryGrowth,
  sendChunkedUpload,
  serverPid,
  type TSent,
} from "../helpers/streaming";

/**
 * Every form with a file input posts to a streaming form route (app/api/forms): a chunked body is
 * counted as it arrives and refused at the upload ceiling, with the browser sent back to the form
 * with a translated field error, and the server's memory stays flat however much is sent. Server
 * actions, which Next reads whole into memory, take no more than 1 MB. These talk HTTP directly
 * (node:http), since a browser cannot send a body generated on the fly.
 */

// lib/uploads/receiveUpload.ts: no upload field allows more
const ceilingMb = 50;

type TEndpoint = {
  path: string;
  who: "citizen" | "staff";
  /** the file input's name */
  field: string;
  /** the form's hidden fields, which come before its inputs */
  fields: Record<string, string>;
  /** where the browser is sent back to: the form's page, with the kept state's id */
  back: RegExp;
};

const endpoints: TEndpoint[] = [
  {
    path: "/api/forms/apply-step",
    who: "citizen",
    field: "idCardCopy",
    fields: { locale: "en", serviceCode: "RS-JYDJ-001", stepId: "materials", intent: "continue" },
    back: /^\/en\/services\/RS-JYDJ-001\/apply\?step=materials&form=[0-9a-f]{32}$/,
  },
  {
    path: "/api/forms/case-supply",
    who: "citizen",
    field: "item-0",
    fields: { locale: "en", trackingNumber: "SV20261201000001", expectedVersion: "1" },
    back: /^\/en\/account\/cases\/SV20261201000001\?form=[0-9a-f]{32}$/,
  },
  {
    path: "/api/forms/case-step",
    who: "staff",
    field: "resultFile",
    fields: { trackingNumber: "SV20261201000001", step: "complete", expectedVersion: "1" },
    back: /^\/staff\/cases\/SV20261201000001\?form=[0-9a-f]{32}$/,
  },
  {
    path: "/api/forms/request-step",
    who: "staff",
    field: "replyFiles",
    fields: { trackingNumber: "GK20261201000001", step: "reply", expectedVersion: "1" },
    back: /^\/staff\/requests\/GK20261201000001\?form=[0-9a-f]{32}$/,
  },
  {
    path: "/api/forms/notice-new",
    who: "staff",
    field: "attachments",
    fields: {},
    back: /^\/staff\/notices\/new\?form=[0-9a-f]{32}$/,
  },
  {
    path: "/api/forms/notice-edit",
    who: "staff",
    field: "attachments",
    fields: { id: "no-such-notice", expectedVersion: "1" },
    back: /^\/staff\/notices\/no-such-notice\?form=[0-9a-f]{32}$/,
  },
];

async function signedIn(browser: Browser) {
  const citizen = await (await browser.newContext()).newPage();
  await signInCitizen(citizen, "citizen2@example.cn", "en");
  const staff = await (await browser.newContext()).newPage();
  await signInStaff(staff, "editor@example.cn");
  return {
    citizen,
    staff,
    cookies: { citizen: await cookieHeader(citizen), staff: await cookieHeader(staff) },
  };
}

function burst(port: number, cookie: string, endpoint: TEndpoint, megabytes: number): Promise<TSent[]> {
  return Promise.all(
    Array.from({ length: 10 }, () =>
      sendChunkedUpload({
        port,
        cookie,
        path: endpoint.path,
        field: endpoint.field,
        fields: endpoint.fields,
        totalBytes: megabytes * megabyte,
      }),
    ),
  );
}

test.describe("forms with file inputs stream their uploads", () => {
  test("ten concurrent chunked 100 MB posts to each form route are refused at the ceiling and leave memory flat", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(600_000);
    const port = Number(new URL(baseURL!).port);
    const { cookies } = await signedIn(browser);
    const pid = serverPid(port);
    // warm-up: every route loads, and a burst of the same shape grows V8's young generation to its
    // working size, so what follows measures only what bodies would retain
    for (const endpoint of endpoints) await burst(port, cookies[endpoint.who], endpoint, 1);
    await burst(port, cookies.citizen, endpoints[0], ceilingMb + 5);

    for (const endpoint of endpoints) {
      const { grewMb, result } = await leastMemoryGrowth(
        pid,
        () => burst(port, cookies[endpoint.who], endpoint, 100),
        30,
      );
      const sentMb = Math.max(...result.map((sent) => sent.sentBytes)) / megabyte;
      console.log(
        `${endpoint.path}: ten 100 MB posts answered ${[...new Set(result.map((sent) => sent.status))].join(", ")} ` +
          `after at most ${sentMb.toFixed(1)} MB each; server RSS +${grewMb.toFixed(1)} MB`,
      );
      // refused at the ceiling: back to the form's page with its state, long before all was sent
      for (const sent of result) {
        expect(sent.status).toBe(303);
        expect(sent.location).toMatch(endpoint.back);
        expect(sent.sentBytes).toBeLessThan(sent.bodyBytes);
      }
      // buffered whole, the bodies would need 1000 MB (a server action buffered 50 MB of each:
      // +573 MB measured); streamed, each holds a few 64 KB chunks
      expect(grewMb).toBeLessThan(30);
    }
  });

  test("the refusal comes back to the form as a translated field error", async ({ browser, baseURL }) => {
    const port = Number(new URL(baseURL!).port);
    const { citizen, staff, cookies } = await signedIn(browser);
    const [step] = await burst(port, cookies.citizen, endpoints[0], ceilingMb + 5);
    await citizen.goto(step.location!);
    await expect(errorSummary(citizen)).toContainText(`Copy of ID card must be smaller than ${ceilingMb} MB`);
    await expect(citizen.locator("#field-idCardCopy-error")).toContainText(`${ceilingMb} MB`);

    const notice = await sendChunkedUpload({
      port,
      cookie: cookies.staff,
      path: endpoints[4].path,
      field: "attachments",
      fields: { title: "停水通知", source: "自来水公司" },
      totalBytes: (ceilingMb + 5) * megabyte,
    });
    await staff.goto(notice.location!);
    await expect(errorSummary(staff)).toContainText(`文件太大：最大 ${ceilingMb} MB`);
    // what was typed before the file comes back too
    await expect(staff.locator("#notice-title")).toHaveValue("停水通知");
    await expect(staff.locator("#notice-source")).toHaveValue("自来水公司");
  });

  test("a multipart post of more than 1 MB to a page, where a server action would read it, is refused with 413", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const port = Number(new URL(baseURL!).port);
    const { cookies } = await signedIn(browser);
    const pid = serverPid(port);
    const page: TEndpoint = { path: "/en/account", who: "citizen", field: "files", fields: {}, back: /.*/ };
    await burst(port, cookies.citizen, page, 20);
    // a body with its length declared is refused before it is read
    const declared = await fetch(`${baseURL}/en/account`, {
      method: "POST",
      headers: { Cookie: cookies.citizen, "Content-Type": "text/plain" },
      body: "x".repeat(2 * megabyte),
    });
    expect(declared.status).toBe(413);
    const { grewMb, result } = await leastMemoryGrowth(
      pid,
      () => burst(port, cookies.citizen, page, 100),
      30,
    );
    console.log(
      `/en/account: ten 100 MB posts answered ${[...new Set(result.map((sent) => sent.status))].join(", ")}; ` +
        `server RSS +${grewMb.toFixed(1)} MB`,
    );
    for (const sent of result) {
      expect(sent.status).toBe(413);
      expect(sent.body).toContain("larger than this page accepts");
    }
    // with a 50 MB action limit, Next held 50 MB of each (+573 MB measured for ten)
    expect(grewMb).toBeLessThan(30);
  });
});
