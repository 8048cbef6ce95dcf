import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/lib/db/connect";
import { openAdapter } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";
import { confirmRegistration, registerCitizen, registrationMailJob } from "@/lib/users/registerCitizen";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import { ZRegister } from "@/lib/auth/schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-pglite-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the embedded database on disk", () => {
  it("keeps a registered citizen across a restart", async () => {
    const target = { kind: "pglite", dir } as const;
    const migrator = await openAdapter(target);
    await deployMigrations(migrator.factory);
    await migrator.close();

    const first = await connect(target);
    await registerCitizen({
      ...ZRegister.parse({
        email: "keep@example.cn",
        name: "留存",
        accountType: "PERSON",
        password: "Persist-2026x",
        confirm: "Persist-2026x",
      }),
      locale: "zh-Hans",
      db: first.prisma,
    });
    const { payload } = await first.prisma.job.findFirstOrThrow({ where: { kind: registrationMailJob } });
    await confirmRegistration({ token: (payload as { token: string }).token, db: first.prisma });
    await first.close();

    const second = await connect(target);
    const result = await verifyCredentials({
      db: second.prisma,
      email: "keep@example.cn",
      password: "Persist-2026x",
      portal: "public",
    });
    // the portal's own settings hold on a directory it opens (lib/db/adapter.ts: embeddedSettings)
    const settings = await second.prisma.$queryRaw<{ shared_buffers: string }[]>`SHOW shared_buffers`;
    await second.close();
    expect(result).toMatchObject({ ok: true, user: { email: "keep@example.cn" } });
    expect(settings).toEqual([{ shared_buffers: "32MB" }]);
  });
});
