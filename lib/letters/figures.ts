import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { tallyLetterFigures } from "./tally";

/** The public monthly letter figures per mailbox, newest month first (tallyLetterFigures). */
export async function letterFigures(input: TDbOption = {}) {
  const prisma = await clientOf(input);
  const [letters, departments] = await Promise.all([
    prisma.letter.findMany({
      select: {
        createdAt: true,
        acceptedOn: true,
        repliedOn: true,
        dueOn: true,
        workingDays: true,
        rating: true,
        department: { select: { code: true } },
        _count: { select: { events: { where: { kind: "forward" } } } },
      },
    }),
    prisma.department.findMany({
      where: { issuerOnly: false },
      select: { code: true, name: true, nameEn: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  const rows = tallyLetterFigures(
    letters.map(({ department, _count, ...l }) => ({
      ...l,
      mailbox: department?.code ?? null,
      forwarded: _count.events > 0,
    })),
  );
  return { rows, departments };
}
