import "server-only";
import { requireAdministrator } from "../auth/guards";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit, writeGuardedChange } from "../audit/writeAudit";
import { contentChanged } from "../cache/contentChanged";

type TChange =
  | { kind: "create"; terms: string[] }
  | { kind: "update"; id: string; expectedVersion: number; terms: string[] }
  | { kind: "delete"; id: string; expectedVersion: number };

/**
 * Adds, changes or deletes a synonym group (administrators only; a refusal is audited too). A
 * change made from an out-of-date form is refused (version check), never silently overwritten.
 * Queries read the groups on every search, so a change applies at once.
 */
export async function editSynonyms(
  input: { actor: TSessionUser; change: TChange } & TDbOption,
): Promise<{ id: string }> {
  const prisma = await clientOf(input);
  const { actor, change } = input;
  const action = `search.synonym.${change.kind}`;
  await requireAdministrator(prisma, {
    actor,
    action,
    entityType: "SearchSynonym",
    entityId: change.kind === "create" ? null : change.id,
  });
  let id: string;
  if (change.kind === "create") {
    id = await prisma.$transaction(async (tx) => {
      const created = await tx.searchSynonym.create({ data: { terms: change.terms }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        action,
        entityType: "SearchSynonym",
        entityId: created.id,
        detail: { terms: change.terms },
      });
      return created.id;
    });
  } else {
    id = change.id;
    const where = { id: change.id, version: change.expectedVersion };
    await writeGuardedChange(
      prisma,
      (tx) =>
        change.kind === "update"
          ? tx.searchSynonym.updateMany({ where, data: { terms: change.terms, version: { increment: 1 } } })
          : tx.searchSynonym.deleteMany({ where }),
      {
        actorId: actor.id,
        action,
        entityType: "SearchSynonym",
        entityId: change.id,
        detail:
          change.kind === "update" ? { terms: change.terms, version: change.expectedVersion + 1 } : undefined,
      },
      "synonymChanged",
    );
  }
  // cached search pages answer with the new synonyms at once
  contentChanged();
  return { id };
}
