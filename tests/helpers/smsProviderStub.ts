import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignedBody } from "../../lib/sms/signature";

export type TStubRequest = {
  signed: boolean;
  body: {
    PhoneNumbers: string;
    SignName: string;
    TemplateCode: string;
    TemplateParam: string;
    OutId: string;
  };
};

/**
 * An SMS platform for tests: a real HTTP server speaking the provider's shape (JSON POST signed
 * with the access key secret; answers `{"Code":"OK","BizId":…}`). It checks every request's
 * signature with the key it was given and refuses unsigned ones with 403, as a provider does.
 * `failWith` makes it answer every request with that status until set back to null.
 */
export async function startSmsProviderStub(keys: { keyId: string; secret: string }) {
  const requests: TStubRequest[] = [];
  const state: { failWith: number | null } = { failWith: null };
  let serial = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers.set(name, value);
      const signed = req.method === "POST" && verifySignedBody({ body: raw, headers, ...keys });
      requests.push({ signed, body: JSON.parse(raw) as TStubRequest["body"] });
      res.setHeader("content-type", "application/json");
      if (!signed) {
        res.writeHead(403).end(JSON.stringify({ Code: "SignatureDoesNotMatch", Message: "bad signature" }));
      } else if (state.failWith) {
        res.writeHead(state.failWith).end(JSON.stringify({ Code: "isp.SYSTEM_ERROR", Message: "try later" }));
      } else {
        serial += 1;
        res.writeHead(200).end(JSON.stringify({ Code: "OK", Message: "OK", BizId: `biz-${serial}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    requests,
    state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
