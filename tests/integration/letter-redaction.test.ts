import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { redactLetter } from "@/lib/letters/redact";

type TCorpusLetter = {
  writer: string | null;
  subject: string;
  content: string;
  reply: string;
  personal: string[];
  kept: string[];
};
const corpus: { letters: TCorpusLetter[] } = JSON.parse(
  fs.readFileSync(path.resolve("tests/fixtures/letter-redaction.json"), "utf8"),
);

describe("the redaction corpus (tests/fixtures/letter-redaction.json)", () => {
  it("has twenty letters, most with personal data", () => {
    expect(corpus.letters).toHaveLength(20);
    expect(corpus.letters.filter((l) => l.personal.length > 0).length).toBeGreaterThanOrEqual(16);
  });

  it.each(corpus.letters.map((l, i) => [i + 1, l] as const))(
    "letter %i: every ID number, phone, card, e-mail, address and name is masked, the public facts kept",
    (_, letter) => {
      const copy = redactLetter({ ...letter, writerName: letter.writer });
      const published = `${copy.publicSubject}\n${copy.publicContent}\n${copy.publicReply}`;
      for (const item of letter.personal) expect(published, item).not.toContain(item);
      for (const item of letter.kept) expect(published, item).toContain(item);
    },
  );
});
